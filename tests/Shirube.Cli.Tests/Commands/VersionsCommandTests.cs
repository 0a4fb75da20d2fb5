using Shirube.Cli.Tests.Support;

namespace Shirube.Cli.Tests.Commands;

public sealed class VersionsCommandTests
{
    private static Task<CliRun> CompareAsync(string ecosystem, string input) =>
        CliRunner.RunAsync(e => e with { In = new StringReader(input) }, "versions", "compare", "--ecosystem", ecosystem);

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    [Theory]
    [InlineData("npm", "1.0.0-rc.1\t1.0.0\n1.2.3\tv1.2.3\n1.10.0\t1.9.9\n", "<|=|>")]
    [InlineData("PyPI", "1.0.dev1\t1.0a1\n1.0.post1\t1.0\n1!0.1\t2.0\n", "<|>|>")]
    [InlineData("Maven", "1.0-SNAPSHOT\t1.0\n1.0.RELEASE\t1\n1.0-sp1\t1.0\n", "<|=|>")]
    [InlineData("Debian:12", "3.0.11-1~deb12u2\t3.0.11-1\n1:1.0\t2.0\n", "<|>")]
    [InlineData("Alpine:v3.20", "1.36.1-r2\t1.36.1-r15\n1.1.1t-r0\t1.1.1s-r9\n", "<|>")]
    [InlineData("Red Hat:enterprise_linux:9", "1:1.0.2k-19.el7\t1:1.0.2k-21.el7_9\n1.0~rc1\t1.0\n", "<|<")]
    public async Task Compare_prints_one_order_line_per_input_line(string ecosystem, string input, string expected)
    {
        var run = await CompareAsync(ecosystem, input);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(expected.Split('|'), Lines(run.Out));
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Compare_says_why_for_a_line_without_a_tab_or_with_an_unreadable_version_and_goes_on()
    {
        var run = await CompareAsync("Hackage", "1.0\t1.0.0\n1.0 1.0.0\n1.0-beta\t1.0\n\n2.0\t1.9\n");

        Assert.Equal(1, run.ExitCode);
        var lines = Lines(run.Out);
        Assert.Equal(5, lines.Length);
        Assert.Equal("<", lines[0]);
        Assert.Equal("error: no tab between the two versions", lines[1]);
        Assert.StartsWith("error: '1.0-beta' is not a Hackage version", lines[2], StringComparison.Ordinal);
        Assert.Equal("error: no tab between the two versions", lines[3]);
        Assert.Equal(">", lines[4]);
    }

    [Theory]
    [InlineData("GIT")]
    [InlineData("Linux")]
    [InlineData("OSS-Fuzz")]
    public async Task Compare_refuses_an_ecosystem_without_a_known_scheme_with_exit_2(string ecosystem)
    {
        var run = await CompareAsync(ecosystem, "1.0\t2.0\n");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains($"no version scheme known for ecosystem {ecosystem}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_without_an_ecosystem_is_a_usage_error()
    {
        var run = await CliRunner.RunAsync(e => e with { In = new StringReader("1\t2\n") }, "versions", "compare");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--ecosystem", run.Error, StringComparison.Ordinal);
    }
}
