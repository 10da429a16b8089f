using LruAspire.LoadGen.Keys;

namespace LruAspire.LoadGen.Tests;

public class ZipfKeySamplerTests
{
    [Theory]
    [InlineData(1.0)]
    [InlineData(1.5)]
    public void Probabilities_follow_the_power_law(double exponent)
    {
        var sampler = new ZipfKeySampler(1_000, exponent);

        // P(k) / P(2k) = (2k / k)^s = 2^s for every k.
        Assert.Equal(Math.Pow(2, exponent), sampler.Probability(1) / sampler.Probability(2), 9);
        Assert.Equal(Math.Pow(2, exponent), sampler.Probability(50) / sampler.Probability(100), 9);
        Assert.Equal(1.0, Enumerable.Range(1, 1_000).Sum(k => sampler.Probability(k)), 9);
    }

    [Fact]
    public void Draws_match_the_distribution()
    {
        const int Draws = 200_000;
        var sampler = new ZipfKeySampler(100, 1.0);
        var random = new Random(42);
        var counts = new int[101];

        for (var i = 0; i < Draws; i++)
        {
            counts[sampler.Next(random)]++;
        }

        Assert.Equal(0, counts[0]);
        // Harmonic number H(100) ≈ 5.187: key 1 gets ≈ 19.3 % of the draws, key 10 ≈ 1.93 %, key 100 ≈ 0.19 %.
        foreach (var key in new[] { 1, 2, 10, 50, 100 })
        {
            var expected = sampler.Probability(key) * Draws;
            var tolerance = 5 * Math.Sqrt(expected);   // five standard deviations of a binomial count
            Assert.InRange(counts[key], expected - tolerance, expected + tolerance);
        }
        // The 10 hottest of 100 keys take about 56 % of the traffic.
        Assert.InRange(counts[1..11].Sum() / (double)Draws, 0.55, 0.57);
    }

    [Fact]
    public void Exponent_zero_is_uniform()
    {
        var sampler = new ZipfKeySampler(4, 0);

        Assert.All(Enumerable.Range(1, 4), k => Assert.Equal(0.25, sampler.Probability(k), 12));
    }

    [Fact]
    public void Every_draw_is_inside_the_key_space()
    {
        var sampler = new ZipfKeySampler(7, 2.0);
        var random = new Random(7);

        var keys = Enumerable.Range(0, 10_000).Select(_ => sampler.Next(random)).ToHashSet();

        Assert.Subset(Enumerable.Range(1, 7).Select(k => (long)k).ToHashSet(), keys);
    }

    [Fact]
    public void Uniform_sampler_stays_inside_the_key_space()
    {
        var sampler = new UniformKeySampler(3);
        var random = new Random(3);

        var keys = Enumerable.Range(0, 1_000).Select(_ => sampler.Next(random)).ToHashSet();

        Assert.Equal(new HashSet<long> { 1, 2, 3 }, keys);
    }
}
