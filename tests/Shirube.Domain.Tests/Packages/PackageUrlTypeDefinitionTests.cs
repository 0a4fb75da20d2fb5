using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Shirube.Domain.Packages;
using Shirube.Testing;

namespace Shirube.Domain.Tests.Packages;

/// <summary>What one rule of a registered purl type definition (purl-spec types/*-definition.json) asks of a parser.</summary>
public enum PurlRuleKind
{
    /// <summary>An example the definition gives parses, as that type, and reads back the same.</summary>
    ExampleParses,
    /// <summary>namespace_definition.requirement is "required".</summary>
    NamespaceRequired,
    /// <summary>namespace_definition.requirement is "prohibited".</summary>
    NamespaceProhibited,
    /// <summary>namespace_definition.requirement is "optional" or absent.</summary>
    NamespaceOptional,
    /// <summary>The component's case_sensitive is true or absent (the schema's default): its case is kept.</summary>
    CaseKept,
    /// <summary>The component's case_sensitive is false: its canonical form is lowercase.</summary>
    CaseFolded,
    /// <summary>A qualifier whose requirement is "required".</summary>
    QualifierRequired,
    /// <summary>The component's permitted_characters: no purl of the type holds other characters there.</summary>
    PermittedCharacters,
}

/// <summary>One rule of one type definition, with the definition's first example as the purl to vary.</summary>
/// <param name="Type">The purl type.</param>
/// <param name="Kind">The rule.</param>
/// <param name="Component">namespace, name, version or subpath; the qualifier key for <see cref="PurlRuleKind.QualifierRequired"/>.</param>
/// <param name="Example">A purl the definition gives as an example.</param>
/// <param name="Pattern">The permitted_characters expression, for <see cref="PurlRuleKind.PermittedCharacters"/>.</param>
public sealed record PurlTypeRule(string Type, PurlRuleKind Kind, string Component, string Example, string? Pattern = null)
{
    public override string ToString() => Kind switch
    {
        PurlRuleKind.ExampleParses => $"The '{Type}' example {Example} parses",
        PurlRuleKind.NamespaceRequired => $"A '{Type}' purl without a namespace is refused",
        PurlRuleKind.NamespaceProhibited => $"A '{Type}' purl with a namespace is refused",
        PurlRuleKind.NamespaceOptional => $"A '{Type}' purl may have a namespace or not",
        PurlRuleKind.CaseKept => $"A '{Type}' {Component} keeps its case",
        PurlRuleKind.CaseFolded => $"A '{Type}' {Component} is lowercased",
        PurlRuleKind.QualifierRequired => $"A '{Type}' purl without the qualifier '{Component}' is refused",
        PurlRuleKind.PermittedCharacters => $"A '{Type}' {Component} holds only {Pattern}",
        _ => Kind.ToString(),
    };
}

/// <summary>
/// Every registered purl type definition of the shared corpora, as rules that a parser honours or not. The rules the
/// definitions give only in prose (normalization_rules such as hackage's kebab-case) are not here; PyPI's and pub's
/// name rules are covered by the suite's own cases.
/// </summary>
internal static class PurlTypeDefinitions
{
    private static readonly string[] Components = ["namespace", "name", "version", "subpath"];

    public static IEnumerable<PurlTypeRule> Rules(string folder)
    {
        foreach (var path in Directory.GetFiles(Path.Combine(folder, "types"), "*-definition.json").Order(StringComparer.Ordinal))
        {
            var definition = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            var type = (string)definition["type"]!;
            var examples = definition["examples"]!.AsArray().Select(e => (string)e!).ToList();
            foreach (var example in examples)
                yield return new(type, PurlRuleKind.ExampleParses, "purl", example);

            var example0 = examples[0];
            var namespaceRequirement = (string?)definition["namespace_definition"]?["requirement"] ?? "optional";
            yield return new(type, namespaceRequirement switch
            {
                "required" => PurlRuleKind.NamespaceRequired,
                "prohibited" => PurlRuleKind.NamespaceProhibited,
                _ => PurlRuleKind.NamespaceOptional,
            }, "namespace", example0);

            foreach (var component in Components)
            {
                var rules = definition[component + "_definition"];
                var pattern = (string?)rules?["permitted_characters"];
                if (pattern is not null)
                    yield return new(type, PurlRuleKind.PermittedCharacters, component, example0, pattern);
                // A namespace that may not be there has no case; a pattern without letters (chrome-extension versions) neither.
                if (component == "namespace" && namespaceRequirement == "prohibited" || component == "version" && pattern is not null)
                    continue;
                var caseSensitive = (bool?)rules?["case_sensitive"] ?? true;
                yield return new(type, caseSensitive ? PurlRuleKind.CaseKept : PurlRuleKind.CaseFolded, component, example0);
            }

            foreach (var qualifier in definition["qualifiers_definition"]?.AsArray() ?? [])
            {
                if ((string?)qualifier!["requirement"] == "required")
                    yield return new(type, PurlRuleKind.QualifierRequired, (string)qualifier["key"]!, examples.First(e => e.Contains((string)qualifier["key"]! + "=", StringComparison.Ordinal)));
            }
        }
    }
}

/// <summary>
/// Each registered purl type definition is honoured: required and prohibited namespaces, the case of each component,
/// required qualifiers and permitted characters, and every example parses. The expectations are read from the
/// definitions themselves, so a type added or changed upstream is checked without editing this file.
/// </summary>
public sealed class PackageUrlTypeDefinitionTests
{
    /// <summary>Rules of the definitions that we deliberately do not follow, each argued from the specification.</summary>
    private static readonly Dictionary<string, string> KnownExceptions = new(StringComparer.Ordinal)
    {
        // ECMA-427 5.3: '/' separates type, namespace and name; 5.4: a separator character is left unencoded only
        // when it is used as a separator. So "git@3/16.1" is a namespace "git@3" and a name "16.1" (as the suite's
        // required case types/npm-test.json#15 reads pkg:npm/@babel/core: namespace "@babel", no version), and opam
        // prohibits a namespace. A version 3/16.1 would be written 3%2F16.1; the example most likely meant 3.16.1.
        ["The 'opam' example pkg:opam/git@3/16.1 parses"] = "an unencoded '/' after '@' makes 'git@3' a namespace, which opam prohibits (ECMA-427 5.3, 5.4; npm-test.json#15).",
    };

    [Theory]
    [CorpusData("purl-spec", typeof(PurlTypeDefinitions), nameof(PurlTypeDefinitions.Rules))]
    public void A_registered_type_is_held_to_its_definition(PurlTypeRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (KnownExceptions.TryGetValue(rule.ToString(), out var reason))
        {
            // A known exception must still be refused, so that the list stays honest.
            Assert.False(PackageUrl.TryParse(rule.Example, out _), $"{rule} is listed as a known exception ({reason}) but now parses: remove it from the list.");
            TestContext.Current.TestOutputHelper?.WriteLine($"Known exception: {reason}");
            return;
        }
        var example = Parts.Of(PackageUrl.Parse(rule.Example));
        switch (rule.Kind)
        {
            case PurlRuleKind.ExampleParses:
                var purl = PackageUrl.Parse(rule.Example);
                Assert.Equal(rule.Type, purl.Type);
                Assert.Equal(purl, PackageUrl.Parse(purl.ToString()));
                break;
            case PurlRuleKind.NamespaceRequired:
                Assert.NotNull(example.Namespace);
                Assert.Throws<FormatException>(() => (example with { Namespace = null }).Build());
                break;
            case PurlRuleKind.NamespaceProhibited:
                Assert.Throws<FormatException>(() => (example with { Namespace = "acme" }).Build());
                break;
            case PurlRuleKind.NamespaceOptional:
                Assert.Null((example with { Namespace = null }).Build().Namespace);
                Assert.Equal("acme", (example with { Namespace = "acme" }).Build().Namespace);
                break;
            case PurlRuleKind.CaseKept or PurlRuleKind.CaseFolded:
                var mixed = MixedCase(rule.Component, example);
                var expected = rule.Kind == PurlRuleKind.CaseKept ? mixed : mixed.ToLowerInvariant();
                Assert.Equal(expected, Parts.Of(example.With(rule.Component, mixed).Build()).Get(rule.Component));
                break;
            case PurlRuleKind.QualifierRequired:
                Assert.Contains(rule.Component, example.Qualifiers.Keys);
                Assert.Throws<FormatException>(() => (example with { Qualifiers = example.Qualifiers.Where(q => q.Key != rule.Component).ToDictionary() }).Build());
                break;
            case PurlRuleKind.PermittedCharacters:
                // A value outside the pattern is refused, or normalised into it (pub replaces such characters by '_').
                var pattern = new Regex(rule.Pattern!, RegexOptions.CultureInvariant);
                Assert.Matches(pattern, example.Get(rule.Component)!);
                try
                {
                    var built = Parts.Of(example.With(rule.Component, "Not allowed!").Build());
                    Assert.Matches(pattern, built.Get(rule.Component)!);
                }
                catch (FormatException e)
                {
                    Assert.Contains("is not allowed", e.Message, StringComparison.Ordinal);
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, null);
        }
    }

    // The example's own value in capitals (or a made-up one with capitals where the example has none), so that folding shows.
    private static string MixedCase(string component, Parts example) => component switch
    {
        "version" => "1.0-Beta",
        "subpath" => "Docs/ReadMe.md",
        _ => (example.Get(component) ?? "Acme").ToUpperInvariant(),
    };

    /// <summary>The decoded components of a purl, to vary one and build again.</summary>
    private sealed record Parts(string Type, string? Namespace, string Name, string? Version, IReadOnlyDictionary<string, string> Qualifiers, string? Subpath)
    {
        public static Parts Of(PackageUrl purl) => new(purl.Type, purl.Namespace, purl.Name, purl.Version, purl.Qualifiers, purl.Subpath);

        public PackageUrl Build() => PackageUrl.Create(Type, Namespace, Name, Version,
            Qualifiers.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)), Subpath);

        public string? Get(string component) => component switch
        {
            "namespace" => Namespace,
            "name" => Name,
            "version" => Version,
            "subpath" => Subpath,
            _ => throw new ArgumentOutOfRangeException(nameof(component), component, null),
        };

        public Parts With(string component, string value) => component switch
        {
            "namespace" => this with { Namespace = value },
            "name" => this with { Name = value },
            "version" => this with { Version = value },
            "subpath" => this with { Subpath = value },
            _ => throw new ArgumentOutOfRangeException(nameof(component), component, null),
        };
    }
}
