namespace Shirube.Domain.Tests;

/// <summary>The shared corpora folder (SHIRUBE_CORPORA, set by CI); a test that needs it is skipped when it is not set.</summary>
internal static class SharedCorpora
{
    /// <summary>The path of <paramref name="folder"/> inside the corpora, or a skipped test naming what it would have read.</summary>
    public static string Folder(string folder, string what)
    {
        var corpora = Environment.GetEnvironmentVariable("SHIRUBE_CORPORA");
        Assert.SkipWhen(string.IsNullOrEmpty(corpora), $"SHIRUBE_CORPORA is not set: {what} are read from the shared corpora (CI sets it).");
        return Path.Combine(corpora!, folder);
    }
}
