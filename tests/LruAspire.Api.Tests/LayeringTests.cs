using System.Text.RegularExpressions;

namespace LruAspire.Api.Tests;

/// <summary>
/// The API's folders follow the seed's chain, and dependencies point only down it: <c>Apis/ → Cache/ → Store/</c>.
/// Only the composition root (<c>Extensions.cs</c>, <c>Program.cs</c>) may see every layer. Checked on the source,
/// where a reader sees it: a <c>using</c> or a qualified name of a layer above is a violation.
/// </summary>
public partial class LayeringTests
{
    private static readonly string[] LayersTopDown = ["Apis", "Cache", "Store"];

    [Fact]
    public void Each_layer_references_only_the_layers_below_it()
    {
        var apiFolder = Path.Combine(RepositoryRoot(), "LruAspire.Api");
        var violations = new List<string>();
        for (var layer = 0; layer < LayersTopDown.Length; layer++)
        {
            var forbidden = LayersTopDown[..(layer + 1)].Where(above => above != LayersTopDown[layer]).ToHashSet();
            foreach (var file in Directory.EnumerateFiles(Path.Combine(apiFolder, LayersTopDown[layer]), "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match reference in LayerReference().Matches(File.ReadAllText(file)))
                {
                    if (forbidden.Contains(reference.Groups[1].Value))
                    {
                        violations.Add($"{Path.GetRelativePath(apiFolder, file)} refers up to {reference.Value}");
                    }
                }
            }
        }

        Assert.Empty(violations);
        Assert.True(Directory.EnumerateFiles(Path.Combine(apiFolder, "Store"), "*.cs").Any(), "the Store folder was not found, so nothing was checked");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LruAspire.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"LruAspire.sln not found above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"LruAspire\.Api\.(Apis|Cache|Store)\b")]
    private static partial Regex LayerReference();
}
