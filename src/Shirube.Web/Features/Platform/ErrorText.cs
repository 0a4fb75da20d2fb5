using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Shirube.Domain;

namespace Shirube.Web.Features.Platform;

/// <summary>
/// Says a <see cref="DomainError"/> in the user's language: the text is the resource <c>Error.{Code}</c>, its
/// arguments formatted in the culture; an enum argument is said by its resource <c>{EnumType}.{Value}</c> when there is one.
/// </summary>
internal sealed class ErrorText(IStringLocalizer<SharedResource> localizer)
{
    /// <summary>The resource key of an error code.</summary>
    public static string KeyOf(string code) => $"Error.{code}";

    /// <summary>The error in the current UI culture (a page's, a request's).</summary>
    public string For(DomainError error) => For(error, CultureInfo.CurrentUICulture);

    private string Say(DomainError error)
    {
        var text = localizer[KeyOf(error.Code)];
        if (text.ResourceNotFound)
            return error.ToString(); // a missing text is a bug (a test guards it); the code still tells what happened
        var args = error.Args.Select(Argument).ToArray();
        return string.Format(CultureInfo.CurrentCulture, text.Value, args);
    }

    private object? Argument(object? arg)
    {
        if (arg is not Enum e)
            return arg;
        var said = localizer[$"{e.GetType().Name}.{e}"];
        return said.ResourceNotFound ? e.ToString() : said.Value;
    }

    /// <summary>The error in <paramref name="culture"/> (the API's request culture), whatever the thread's culture is.</summary>
    public string For(DomainError error, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(culture);
        if (Equals(culture, CultureInfo.CurrentUICulture))
            return Say(error);
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            return Say(error);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}

/// <summary>
/// Turns a <see cref="DomainException"/> from an API endpoint into ProblemDetails: 400/409/404/403 by kind, the
/// <c>code</c>, the text in the request's language as <c>detail</c>, and <c>errors[field]</c> for a field, as a
/// validation problem has it. Endpoints therefore just call their feature's commands.
/// </summary>
internal sealed class DomainExceptionHandler(ErrorText text, IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not DomainException { Error: var error })
            return false;
        var culture = httpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.CurrentUICulture;
        var message = text.For(error, culture);
        var status = StatusOf(error.Kind);
        var details = error.Field is { } field
            ? new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            : new ProblemDetails();
        details.Status = status;
        details.Title = error.Kind switch
        {
            ErrorKind.Invalid => "One or more validation errors occurred.",
            ErrorKind.Conflict => "Conflict",
            ErrorKind.NotFound => "Not Found",
            ErrorKind.Forbidden => "Forbidden",
            _ => "Error",
        };
        details.Detail = message;
        details.Extensions["code"] = error.Code;
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception })
            .ConfigureAwait(false);
    }

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status400BadRequest,
    };
}

/// <summary>
/// How pages run a command: a refusal becomes a snackbar (or a form message) in the user's language, never raw
/// English; pages catch nothing themselves.
/// </summary>
internal sealed class PageErrors(ErrorText text, ISnackbar snackbar)
{
    /// <summary>The text of a refusal, for a message beside a form.</summary>
    public string Text(DomainException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return text.For(e.Error, CultureInfo.CurrentUICulture);
    }

    /// <summary>Runs <paramref name="action"/>; a refusal shows as an error snackbar. True when it went through.</summary>
    public async Task<bool> RunAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action().ConfigureAwait(true);
            return true;
        }
        catch (DomainException e)
        {
            snackbar.Add(text.For(e.Error, CultureInfo.CurrentUICulture), Severity.Error);
            return false;
        }
    }

    /// <summary>Runs <paramref name="action"/> and returns its result; a refusal shows as an error snackbar and gives default.</summary>
    public async Task<T?> RunAsync<T>(Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action().ConfigureAwait(true);
        }
        catch (DomainException e)
        {
            snackbar.Add(text.For(e.Error, CultureInfo.CurrentUICulture), Severity.Error);
            return default;
        }
    }

    /// <summary>Runs <paramref name="action"/>; a refusal goes to <paramref name="show"/> (a form's message). True when it went through.</summary>
    public async Task<bool> RunAsync(Func<Task> action, Action<string> show)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(show);
        try
        {
            await action().ConfigureAwait(true);
            return true;
        }
        catch (DomainException e)
        {
            show(text.For(e.Error, CultureInfo.CurrentUICulture));
            return false;
        }
    }
}
