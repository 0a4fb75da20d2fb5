using Shirube.Domain.Components;
using Shirube.Domain.Packages;

namespace Shirube.Formats.Components;

/// <summary>
/// Collects what a reader finds, whatever the format, and makes the <see cref="Sbom"/>: refuses a reference used
/// twice (naming both places), keeps only the dependency edges whose two ends are components of the SBOM (or its
/// subject), once each.
/// </summary>
internal sealed class SbomBuilder(string file)
{
    private readonly List<SbomComponent> _components = [];
    private readonly Dictionary<string, string> _places = new(StringComparer.Ordinal);
    private readonly List<SbomDependency> _edges = [];
    private SbomComponent? _subject;

    public string File { get; } = file;

    /// <summary>Adds a component found at <paramref name="place"/>.</summary>
    public void Add(SbomComponent component, string place)
    {
        Claim(component.Ref, place);
        _components.Add(component);
    }

    /// <summary>Sets the component the SBOM describes; it is known to the graph but not one of the components.</summary>
    public void SetSubject(SbomComponent subject, string place)
    {
        Claim(subject.Ref, place);
        _subject = subject;
    }

    /// <summary>Names the described component when it is one of the components (SPDX DESCRIBES).</summary>
    public void SetSubject(SbomComponent subject) => _subject = subject;

    /// <summary>Whether a component (or the subject) has this reference.</summary>
    public bool Knows(string reference) => _places.ContainsKey(reference);

    /// <summary>Records that <paramref name="from"/> depends on <paramref name="to"/>.</summary>
    public void Depend(string from, string to) => _edges.Add(new SbomDependency(from, to));

    public Sbom Build(SbomFormat format, string specVersion, string? name)
    {
        var seen = new HashSet<SbomDependency>();
        var edges = _edges.Where(e => Knows(e.From) && Knows(e.To) && e.From != e.To && seen.Add(e)).ToList();
        return new Sbom(format, specVersion)
        {
            Name = string.IsNullOrWhiteSpace(name) ? _subject?.Name : name.Trim(),
            Subject = _subject,
            Components = _components,
            Dependencies = edges,
        };
    }

    private void Claim(string reference, string place)
    {
        if (!_places.TryAdd(reference, place))
            throw new SbomFormatException(File, place, $"the reference '{reference}' is used by {_places[reference]} already; references must be unique.");
    }

    /// <summary>A package URL if the text is one; an invalid one is dropped, never a reason to refuse the SBOM.</summary>
    public static PackageUrl? Purl(string? text) =>
        !string.IsNullOrWhiteSpace(text) && text.Length <= PackageUrl.MaxLength && PackageUrl.TryParse(text.Trim(), out var purl) ? purl
        // Real SBOMs write qualifier keys in capitals now and then: read them as the specification's lenient form.
        : !string.IsNullOrWhiteSpace(text) && text.Length <= PackageUrl.MaxLength && TryNormalize(text.Trim(), out var lenient) ? lenient
        : null;

    /// <summary>A CPE if the text is one (2.3 formatted string or 2.2 URI); an invalid one is dropped.</summary>
    public static Cpe? Cpe(string? text) => Domain.Packages.Cpe.TryParse(text, out var cpe) ? cpe : null;

    /// <summary>The licence texts that say something (not NOASSERTION or NONE), once each, in order.</summary>
    public static IReadOnlyList<string> Licences(IEnumerable<string?> texts) =>
        [.. texts.Select(t => t?.Trim())
            .Where(t => !string.IsNullOrEmpty(t) && t is not ("NOASSERTION" or "NONE"))
            .Select(t => t!)
            .Distinct(StringComparer.Ordinal)];

    /// <summary>A supplier without SPDX's "Organization: " or "Person: " prefix; null for NOASSERTION.</summary>
    public static string? Supplier(string? text)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text) || text == "NOASSERTION")
            return null;
        foreach (var prefix in (ReadOnlySpan<string>)["Organization:", "Person:", "Tool:"])
        {
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return text[prefix.Length..].Trim() is { Length: > 0 } rest ? rest : null;
        }
        return text;
    }

    private static bool TryNormalize(string text, out PackageUrl? purl)
    {
        try
        {
            purl = PackageUrl.Normalize(text);
            return true;
        }
        catch (FormatException)
        {
            purl = null;
            return false;
        }
    }
}
