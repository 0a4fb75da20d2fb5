namespace Shirube.Web.Tests.Infrastructure;

/// <summary>
/// Browser tests run one at a time, after the tests that run in parallel: each starts a server process and a
/// Chromium, and on a two-core CI machine several at once starve each other past Playwright's timeouts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserTestGroup
{
    public const string Name = "Browser";
}
