namespace Shirube.Domain.Packages;

/// <summary>
/// How a source CPE name, or one attribute of it, relates to a target as a set of platforms (NIST IR 7696 §6):
/// the same, more (superset), less (subset), nothing in common (disjoint), or not decidable (undefined).
/// </summary>
public enum CpeRelation
{
    /// <summary>Source and target name the same platforms.</summary>
    Equal,
    /// <summary>The source names every platform the target names, and more.</summary>
    Superset,
    /// <summary>The target names every platform the source names, and more.</summary>
    Subset,
    /// <summary>Source and target have no platform in common.</summary>
    Disjoint,
    /// <summary>
    /// Not decidable: the target holds a wildcard (NIST IR 7696 compares only against concrete targets), or, for whole
    /// names, some attributes are supersets and others subsets.
    /// </summary>
    Undefined,
}

/// <summary>The relation of one attribute of a source CPE to the same attribute of a target.</summary>
/// <param name="Attribute">The attribute, e.g. "version" (see <see cref="Cpe.Attributes"/>).</param>
/// <param name="Relation">Its relation.</param>
public readonly record struct CpeAttributeRelation(string Attribute, CpeRelation Relation);

public sealed partial class Cpe
{
    /// <summary>
    /// Compares each attribute of <paramref name="source"/> with the same attribute of <paramref name="target"/>
    /// (NIST IR 7696 §6.1, table 6-2): ANY is a superset of everything but a wildcard string; NA and a string are
    /// disjoint; a string with wildcards is a superset of the strings it matches ('*' any characters, a run of n '?'
    /// at most n, at the start or end only) and disjoint from the others; a target with wildcards is undefined.
    /// </summary>
    public static IReadOnlyList<CpeAttributeRelation> CompareAttributes(Cpe source, Cpe target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var relations = new CpeAttributeRelation[AttributeNames.Length];
        for (var i = 0; i < relations.Length; i++)
            relations[i] = new(AttributeNames[i], CompareValues(source._bound[i], target._bound[i]));
        return relations;
    }

    /// <summary>
    /// The relation of <paramref name="source"/> to <paramref name="target"/> as whole names (NIST IR 7696 §6.2):
    /// disjoint if any attribute is disjoint, equal if all are equal, a superset if all are supersets or equal, a
    /// subset if all are subsets or equal, else undefined.
    /// </summary>
    public static CpeRelation Compare(Cpe source, Cpe target)
    {
        var relations = CompareAttributes(source, target).Select(r => r.Relation).ToList();
        if (relations.Contains(CpeRelation.Disjoint))
            return CpeRelation.Disjoint;
        if (relations.All(r => r == CpeRelation.Equal))
            return CpeRelation.Equal;
        if (relations.All(r => r is CpeRelation.Equal or CpeRelation.Superset))
            return CpeRelation.Superset;
        if (relations.All(r => r is CpeRelation.Equal or CpeRelation.Subset))
            return CpeRelation.Subset;
        return CpeRelation.Undefined;
    }

    /// <summary>True when this name covers every platform <paramref name="target"/> names (superset or equal, NIST IR 7696 CPE_SUPERSET).</summary>
    public bool IsSupersetOf(Cpe target) => Compare(this, target) is CpeRelation.Superset or CpeRelation.Equal;

    /// <summary>
    /// True when this name, as the source (say a vulnerable-platform entry), matches <paramref name="target"/> (say a
    /// component's own CPE): the source is a superset of the target or equal to it.
    /// </summary>
    public bool Matches(Cpe target) => IsSupersetOf(target);

    // Values are compared in their bound (formatted-string) form, which is canonical: lowercase, one quoting.
    private static CpeRelation CompareValues(string source, string target)
    {
        var targetPattern = target is AnyValue or NotApplicable ? default : Pattern.Of(target);
        if (targetPattern.HasWildcards)
            return CpeRelation.Undefined;
        if (string.Equals(source, target, StringComparison.Ordinal))
            return CpeRelation.Equal;
        if (source is AnyValue)
            return CpeRelation.Superset;
        if (target is AnyValue)
            return CpeRelation.Subset;
        if (source is NotApplicable || target is NotApplicable)
            return CpeRelation.Disjoint;
        var sourcePattern = Pattern.Of(source);
        return sourcePattern.HasWildcards && sourcePattern.Matches(targetPattern.Literal) ? CpeRelation.Superset : CpeRelation.Disjoint;
    }

    /// <summary>
    /// A bound value split into its wildcards and the literal text between them (unquoted): <c>8.*</c> is literal
    /// "8." with any characters after; <c>??1</c> is "1" with at most two characters before.
    /// </summary>
    /// <param name="Before">-1 for a leading '*', else the number of leading '?' (0: the literal starts the value).</param>
    /// <param name="Literal">The text between the wildcards, unquoted.</param>
    /// <param name="After">-1 for a trailing '*', else the number of trailing '?'.</param>
    /// <param name="HasEmbeddedWildcard">An unquoted wildcard stands inside the literal, which a CPE does not allow.</param>
    private readonly record struct Pattern(int Before, string Literal, int After, bool HasEmbeddedWildcard)
    {
        public bool HasWildcards => Before != 0 || After != 0 || HasEmbeddedWildcard;

        public static Pattern Of(string bound)
        {
            var start = 0;
            var before = 0;
            if (bound.StartsWith('*'))
            {
                before = -1;
                start = 1;
            }
            else
            {
                while (start < bound.Length && bound[start] == '?')
                    start++;
                before = start;
            }
            var end = bound.Length;
            var after = 0;
            if (end > start && bound[end - 1] == '*' && !IsQuoted(bound, end - 1))
            {
                after = -1;
                end--;
            }
            else
            {
                while (end > start && bound[end - 1] == '?' && !IsQuoted(bound, end - 1))
                {
                    end--;
                    after++;
                }
            }
            var middle = bound[start..end];
            var embedded = false;
            for (var i = 0; i < middle.Length; i++)
            {
                if (middle[i] == '\\')
                    i++;
                else if (middle[i] is '*' or '?')
                    embedded = true;
            }
            return new Pattern(before, Unquote(middle), after, embedded);
        }

        /// <summary>True when <paramref name="text"/> (unquoted, without wildcards) is one of the strings this pattern stands for.</summary>
        public bool Matches(string text)
        {
            for (var index = text.IndexOf(Literal, StringComparison.Ordinal); index >= 0;
                 index = index + 1 <= text.Length ? text.IndexOf(Literal, index + 1, StringComparison.Ordinal) : -1)
            {
                if (Before >= 0 && index > Before)
                    return false;
                var rest = text.Length - index - Literal.Length;
                if (After < 0 || rest <= After)
                    return true;
            }
            return false;
        }

        // An odd number of backslashes before position i quotes the character there.
        private static bool IsQuoted(string bound, int i)
        {
            var backslashes = 0;
            for (var j = i - 1; j >= 0 && bound[j] == '\\'; j--)
                backslashes++;
            return backslashes % 2 == 1;
        }
    }
}
