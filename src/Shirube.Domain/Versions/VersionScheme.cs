using System.Diagnostics.CodeAnalysis;

namespace Shirube.Domain.Versions;

/// <summary>
/// A version parsed by its ecosystem's scheme, ordered as that scheme orders versions. Two versions compare only
/// when they come from the same scheme; parse once and compare many times (matching compares against pre-parsed
/// range bounds).
/// </summary>
[SuppressMessage("Design", "CA1036", Justification = "Schemes hold different spellings equal (1.0 and 1.0.0); equality stays reference equality and order is CompareTo.")]
public abstract class SchemeVersion : IComparable<SchemeVersion>
{
    /// <summary>A version read from <paramref name="text"/>.</summary>
    protected SchemeVersion(string text)
    {
        Text = text;
    }

    /// <summary>The version as it was written.</summary>
    public string Text { get; }

    /// <summary>The scheme's order: negative when this version comes first, zero when the scheme holds them equal.</summary>
    public abstract int CompareTo(SchemeVersion? other);

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>
/// The version scheme of one OSV ecosystem (npm, PyPI, Debian…) or of a range type (SEMVER): how its versions are
/// written and ordered. An ecosystem without a known scheme has none (<see cref="VersionSchemes.TryFor"/> says so)
/// rather than a guessed one.
/// </summary>
public abstract class VersionScheme
{
    /// <summary>The scheme's name as OSV writes the ecosystem (<c>npm</c>, <c>PyPI</c>, <c>Debian</c>, <c>SEMVER</c>).</summary>
    public abstract string Name { get; }

    /// <summary>Reads a version, or says why it is not one of this scheme's versions.</summary>
    public abstract bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out SchemeVersion? version, [NotNullWhen(false)] out string? reason);

    /// <summary>Reads a version; <see cref="FormatException"/> naming the scheme when it is not one.</summary>
    public SchemeVersion Parse(string text) =>
        TryParse(text, out var version, out var reason) ? version : throw new FormatException(reason);

    /// <summary>Orders two versions written as text (both must parse).</summary>
    public int Compare(string a, string b) => Parse(a).CompareTo(Parse(b));
}
