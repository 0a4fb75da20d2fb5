using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Platform;

/// <summary>The first start on a fresh SQLite database, as a newcomer runs it: the console shows no warnings.</summary>
public class FirstStartTests
{
    [Fact]
    public async Task A_first_start_on_a_fresh_database_prints_no_warnings_or_failures()
    {
        await using var server = await ServerProcess.StartAsync();
        Assert.False(string.IsNullOrEmpty(server.OneTimePassword), server.Output);
        var lines = server.Output.Split('\n');
        Assert.Contains(lines, l => l.Contains("Database ready", StringComparison.Ordinal));
        var noisy = lines.Where(l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();
        Assert.True(noisy.Count == 0, "The first start printed:\n" + server.Output);
    }
}
