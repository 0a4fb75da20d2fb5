using Shirube.Domain.Files;

namespace Shirube.Domain.Assessments;

/// <summary>A file uploaded as evidence for one line of an assessment; its bytes are stored apart.</summary>
public sealed class EvidenceFile
{
    /// <summary>The largest file accepted, in bytes (10 MiB).</summary>
    public const long MaxLength = 10 * 1024 * 1024;

    private EvidenceFile()
    {
        Key = FileName = ContentType = Sha256 = UploadedBy = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The assessment.</summary>
    public Guid AssessmentId { get; private set; }
    /// <summary>The baseline line it supports.</summary>
    public string Key { get; private set; }
    /// <summary>The file's name as uploaded (path parts removed).</summary>
    public string FileName { get; private set; }
    /// <summary>Its media type as declared.</summary>
    public string ContentType { get; private set; }
    /// <summary>Its size in bytes.</summary>
    public long Length { get; private set; }
    /// <summary>SHA-256 of the content, hex.</summary>
    public string Sha256 { get; private set; }
    /// <summary>Who uploaded it.</summary>
    public string UploadedBy { get; private set; }
    /// <summary>When (UTC).</summary>
    public DateTime UploadedAt { get; private set; }

    /// <summary>Describes an upload after checking its name (<c>Files.BadName</c>) and size (<c>Assessments.FileSize</c>).</summary>
    public static EvidenceFile Describe(Guid assessmentId, string key, string fileName, string? contentType, long length, string sha256, string uploadedBy, DateTime now)
    {
        var name = UploadedFile.Name(fileName, "file");
        Guard.That(length is >= 1 and <= MaxLength, () => AssessmentErrors.FileSize(name, (int)(MaxLength / (1024 * 1024))));
        return new EvidenceFile
        {
            Id = Guid.CreateVersion7(),
            AssessmentId = assessmentId,
            Key = key,
            FileName = name,
            ContentType = UploadedFile.ContentType(contentType),
            Length = length,
            Sha256 = sha256,
            UploadedBy = uploadedBy,
            UploadedAt = now,
        };
    }
}
