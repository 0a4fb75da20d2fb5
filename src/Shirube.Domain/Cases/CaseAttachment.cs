using Shirube.Domain.Files;

namespace Shirube.Domain.Cases;

/// <summary>A file the reporter attached to a report (a proof of concept, a screenshot); bounded in size and number.</summary>
public sealed class CaseAttachment
{
    /// <summary>At most this many files per report.</summary>
    public const int MaxFiles = 3;
    /// <summary>At most this many bytes per file (5 MiB).</summary>
    public const long MaxLength = 5 * 1024 * 1024;

    private CaseAttachment()
    {
        FileName = ContentType = Sha256 = string.Empty;
        Content = [];
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The case.</summary>
    public Guid CaseId { get; private set; }
    /// <summary>File name as uploaded (path parts removed).</summary>
    public string FileName { get; private set; }
    /// <summary>Declared media type.</summary>
    public string ContentType { get; private set; }
    /// <summary>Size in bytes.</summary>
    public long Length { get; private set; }
    /// <summary>SHA-256 of the content, hex.</summary>
    public string Sha256 { get; private set; }
    /// <summary>The bytes.</summary>
    public byte[] Content { get; private set; }

    /// <summary>An attachment after checking its name and size.</summary>
    public static CaseAttachment Create(Guid caseId, string fileName, string? contentType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = UploadedFile.Name(fileName, nameof(fileName));
        Guard.That(content.LongLength is >= 1 and <= MaxLength, () => CaseErrors.AttachmentSize(name, content.LongLength, MaxLength));
        return new CaseAttachment
        {
            Id = Guid.CreateVersion7(),
            CaseId = caseId,
            FileName = name,
            ContentType = UploadedFile.ContentType(contentType),
            Length = content.LongLength,
            Sha256 = UploadedFile.Sha256(content),
            Content = content,
        };
    }
}
