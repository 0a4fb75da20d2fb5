using System.Reflection;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace Shirube.Testing;

/// <summary>
/// One theory row per case of an upstream conformance suite in the shared corpora (SHIRUBE_CORPORA), each named by the
/// case itself (its <c>ToString()</c>), so that a failing row says which case of which file it is. The cases come
/// from a static method of <paramref name="source"/> that takes the corpus folder and returns them. Without
/// SHIRUBE_CORPORA the theory shows one skipped row naming the folder it would have read — never nothing.
/// </summary>
/// <param name="folder">The folder inside the corpora, e.g. <c>purl-spec</c>.</param>
/// <param name="source">The type with the reading method.</param>
/// <param name="method">A <c>static IEnumerable&lt;T&gt; M(string folder)</c> of <paramref name="source"/>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CorpusDataAttribute(string folder, Type source, string method) : DataAttribute
{
    public const string Variable = "SHIRUBE_CORPORA";

    /// <summary>The corpora folder, or null when it is not configured.</summary>
    public static string? Corpora => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path ? path : null;

    public string Folder { get; } = folder;

    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        if (Corpora is not { } corpora)
        {
            var placeholders = testMethod.GetParameters().Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
            return new([new TheoryDataRow(placeholders)
            {
                TestDisplayName = $"{testMethod.Name} over {Folder}",
                Skip = $"{Variable} is not set: the cases of {Folder} are read from the shared corpora (CI sets it).",
            }]);
        }
        var reader = source.GetMethod(method, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, [typeof(string)])
            ?? throw new InvalidOperationException($"{source.Name}.{method}(string folder) does not exist.");
        var cases = (System.Collections.IEnumerable?)reader.Invoke(null, [Path.Combine(corpora, Folder)])
            ?? throw new InvalidOperationException($"{source.Name}.{method} returned null.");
        var rows = cases.Cast<object?>()
            .Select(c => (ITheoryDataRow)new TheoryDataRow(c) { TestDisplayName = $"{testMethod.Name}: {c}" })
            .ToList();
        if (rows.Count == 0)
            throw new InvalidOperationException($"{source.Name}.{method} found no case in {Path.Combine(corpora, Folder)}.");
        return new(rows);
    }

    // Enumerated when run: the corpus may be large and is not there at discovery on every machine.
    public override bool SupportsDiscoveryEnumeration() => false;
}
