using System.Globalization;
using System.Runtime.CompilerServices;

namespace Shirube.Domain;

/// <summary>What kind of refusal an error is; the API answers 400, 409, 404 or 403 for them.</summary>
public enum ErrorKind
{
    /// <summary>The input is wrong (a field, a value): 400.</summary>
    Invalid,

    /// <summary>The input is fine but the state does not allow it now (a completed assessment, a closed case): 409.</summary>
    Conflict,

    /// <summary>What the request names does not exist, or the actor may not see it: 404.</summary>
    NotFound,

    /// <summary>The actor's role does not allow the change: 403.</summary>
    Forbidden,
}

/// <summary>
/// A refusal of the domain as a value: a stable <see cref="Code"/> (the resource key <c>Error.{Code}</c> holds its
/// Japanese and English text), the arguments the text shows, and the request field it concerns, if any.
/// Each feature keeps its errors in one <c>&lt;Feature&gt;Errors</c> class so that they read alike.
/// </summary>
/// <param name="Code">Stable, dotted: <c>Incidents.TitleLength</c>. Scripts may rely on it.</param>
/// <param name="Kind">What kind of refusal it is.</param>
/// <param name="Field">The request field (camelCase, as the API names it), or null for the request as a whole.</param>
/// <param name="Args">The values the text shows, in order: <c>{0}</c>, <c>{1}</c>…</param>
public sealed record DomainError(string Code, ErrorKind Kind, string? Field, IReadOnlyList<object?> Args)
{
    /// <summary>A wrong input in <paramref name="field"/>.</summary>
    public static DomainError Invalid(string code, string? field, params object?[] args) => new(code, ErrorKind.Invalid, field, args);

    /// <summary>A change the current state does not allow.</summary>
    public static DomainError Conflict(string code, params object?[] args) => new(code, ErrorKind.Conflict, null, args);

    /// <summary>Something named that does not exist (or is not visible).</summary>
    public static DomainError NotFound(string code, params object?[] args) => new(code, ErrorKind.NotFound, null, args);

    /// <summary>A change the actor's role does not allow.</summary>
    public static DomainError Forbidden(string code, params object?[] args) => new(code, ErrorKind.Forbidden, null, args);

    /// <summary>The same error for another request field (a command maps a domain parameter to the API's name).</summary>
    public DomainError For(string field) => this with { Field = field };

    /// <summary>The exception that carries this error.</summary>
    public DomainException Exception() => new(this);

    /// <summary>The code with its arguments, culture-invariant: for logs, never for users.</summary>
    public override string ToString() =>
        Args.Count == 0 ? Code : $"{Code}({string.Join(", ", Args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)))})";

    /// <summary>Builds a code from the calling <c>&lt;Feature&gt;Errors</c> member: <c>Prefix.MemberName</c>.</summary>
    public static string CodeOf(string prefix, [CallerMemberName] string member = "") => $"{prefix}.{member}";
}

/// <summary>The exception a refused change raises; the web layer translates <see cref="Error"/> into the user's language.</summary>
public sealed class DomainException : Exception
{
    /// <summary>Raises <paramref name="error"/>.</summary>
    public DomainException(DomainError error) : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>The error, with its code and arguments.</summary>
    public DomainError Error { get; }

    /// <summary>The request field the error concerns, if any.</summary>
    public string? Field => Error.Field;
}

/// <summary>The one way the domain refuses: checks that throw a <see cref="DomainException"/>.</summary>
public static class Guard
{
    /// <summary>Throws <paramref name="error"/> unless <paramref name="condition"/> holds.</summary>
    public static void That([System.Diagnostics.CodeAnalysis.DoesNotReturnIf(false)] bool condition, DomainError error)
    {
        if (!condition)
            throw new DomainException(error);
    }

    /// <summary>Throws the error <paramref name="error"/> builds unless <paramref name="condition"/> holds (for errors that cost to build).</summary>
    public static void That([System.Diagnostics.CodeAnalysis.DoesNotReturnIf(false)] bool condition, Func<DomainError> error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (!condition)
            throw new DomainException(error());
    }

    /// <summary>A required text, trimmed: refused when blank (<c>Common.Required</c>) or longer than <paramref name="max"/> (<c>Common.TooLong</c>).</summary>
    public static string Text(string? value, string field, int max) => Text(value, field, 1, max);

    /// <summary>A required text, trimmed, of <paramref name="min"/> to <paramref name="max"/> characters (<c>Common.Length</c> otherwise).</summary>
    public static string Text(string? value, string field, int min, int max)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0)
            throw new DomainException(CommonErrors.Required(field));
        if (text.Length > max)
            throw new DomainException(CommonErrors.TooLong(field, max));
        if (text.Length < min)
            throw new DomainException(CommonErrors.Length(field, min, max));
        return text;
    }

    /// <summary>An optional text, trimmed: null when blank, refused when longer than <paramref name="max"/>.</summary>
    public static string? OptionalText(string? value, string field, int max)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            return null;
        if (text.Length > max)
            throw new DomainException(CommonErrors.TooLong(field, max));
        return text;
    }

    /// <summary>A defined member of <typeparamref name="TEnum"/> (<c>Common.UnknownValue</c> otherwise).</summary>
    public static TEnum Defined<TEnum>(TEnum value, string field) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
            throw new DomainException(CommonErrors.UnknownValue(field, value.ToString(), string.Join(", ", Enum.GetNames<TEnum>())));
        return value;
    }
}

/// <summary>Errors every feature shares: texts, values, times, things not found.</summary>
public static class CommonErrors
{
    private const string Prefix = "Common";

    /// <summary>A required value is missing.</summary>
    public static DomainError Required(string field) => DomainError.Invalid(DomainError.CodeOf(Prefix), field);

    /// <summary>A text is longer than <paramref name="max"/> characters.</summary>
    public static DomainError TooLong(string field, int max) => DomainError.Invalid(DomainError.CodeOf(Prefix), field, max);

    /// <summary>A text is not <paramref name="min"/> to <paramref name="max"/> characters long.</summary>
    public static DomainError Length(string field, int min, int max) => DomainError.Invalid(DomainError.CodeOf(Prefix), field, min, max);

    /// <summary>A value is not one of the known ones.</summary>
    public static DomainError UnknownValue(string field, string value, string expected) => DomainError.Invalid(DomainError.CodeOf(Prefix), field, value, expected);

    /// <summary>A time lies in the future.</summary>
    public static DomainError InFuture(string field) => DomainError.Invalid(DomainError.CodeOf(Prefix), field);

    /// <summary>A number lies outside <paramref name="min"/>..<paramref name="max"/>.</summary>
    public static DomainError OutOfRange(string field, object min, object max) => DomainError.Invalid(DomainError.CodeOf(Prefix), field, min, max);

    /// <summary>The actor's role does not allow the change.</summary>
    public static DomainError NotAllowed() => DomainError.Forbidden(DomainError.CodeOf(Prefix));
}
