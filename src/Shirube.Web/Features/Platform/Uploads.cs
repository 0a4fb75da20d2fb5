using Microsoft.AspNetCore.Http.Features;
using Shirube.Domain.Components;

namespace Shirube.Web.Features.Platform;

/// <summary>Files sent to the API: as multipart form data or as the raw body, bounded in size.</summary>
internal static class Uploads
{
    /// <summary>An uploaded file: multipart field "file" (or the first file), or the raw body named by ?fileName=.</summary>
    public static async Task<(Stream Content, string? FileName)> ReadAsync(HttpContext http, long maxBytes, CancellationToken ct)
    {
        if (http.Request.ContentLength > maxBytes)
            throw ComponentsErrors.SbomTooLarge(maxBytes).Exception();
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = maxBytes }, ct);
            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (file is null || file.Length == 0)
                throw ComponentsErrors.SbomMissing().Exception();
            return (file.OpenReadStream(), file.FileName);
        }
        // The reader may look at the start of the document more than once: the body is buffered.
        var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
        {
            await buffer.DisposeAsync();
            throw ComponentsErrors.SbomMissing().Exception();
        }
        buffer.Position = 0;
        return (buffer, http.Request.Query["fileName"].FirstOrDefault());
    }
}
