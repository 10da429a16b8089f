namespace LruAspire.Api.Tests;

public class ContentRootTests
{
    [Fact]
    public void Without_an_explicit_content_root_it_is_the_application_folder_not_the_working_directory()
    {
        Assert.Equal(AppContext.BaseDirectory, ContentRoot.Resolve([]));
        Assert.Equal(AppContext.BaseDirectory, ContentRoot.Resolve(["--urls", "http://127.0.0.1:0"]));
    }

    [Theory]
    [InlineData("--contentRoot=/srv/api")]
    [InlineData("--contentRoot", "/srv/api")]
    [InlineData("--contentroot=/srv/api")]
    public void A_content_root_on_the_command_line_is_left_to_the_host(params string[] args) =>
        Assert.Null(ContentRoot.Resolve(args));
}
