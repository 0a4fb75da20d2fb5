using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Data.Components;
using Shirube.Domain.Disclosure.Advisories;
using Shirube.Domain.Disclosure.Vex;
using Shirube.Domain.Packages;
using Shirube.Domain.Portfolio;

namespace Shirube.Web.Features.Disclosure.Exports;

/// <summary>
/// A product version as the exports name it: the product's name, the version, and the purl (with the version) and CPE
/// of the subject component of its SBOM. A version without either is named by <c>urn:uuid:</c> and its id, as the
/// advisories name it.
/// </summary>
internal sealed record ExportVersion(Guid Id, string ProductName, string Version, PackageUrl? Purl, Cpe? Cpe)
{
    public bool HasIdentifier => Purl is not null || Cpe is not null;

    public Uri Urn => new("urn:uuid:" + Id.ToString("D", CultureInfo.InvariantCulture));

    public VexProduct ToVex() => new(ProductName) { Version = Version, Purl = Purl, Cpe = Cpe, Iri = HasIdentifier ? null : Urn };

    public VersionEntry ToCsaf() => new(AdvisoryComposer.Key(Id), Version, Purl?.ToString(), Cpe?.ToString(), HasIdentifier ? null : Urn);

    /// <summary>
    /// The versions of <paramref name="product"/> named in <paramref name="ids"/>, in the product's order, each with its
    /// SBOM subject's identifiers (read through the actor's unit filter).
    /// </summary>
    public static async Task<List<ExportVersion>> LoadAsync(ShirubeDbContext db, Product product, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var subjects = await SbomStore.SubjectsAsync(db, ids, ct);
        return
        [
            .. product.Versions.Where(v => ids.Contains(v.Id)).Select(v =>
            {
                var subject = subjects.GetValueOrDefault(v.Id);
                return new ExportVersion(v.Id, product.Name, v.Version, WithVersion(subject.Purl, v.Version),
                    Cpe.TryParse(subject.Cpe, out var cpe) ? cpe : null);
            }),
        ];
    }

    // An SBOM subject often names the product without its version: the statement is about this version.
    private static PackageUrl? WithVersion(string? text, string version)
    {
        if (!PackageUrl.TryParse(text, out var purl))
            return null;
        return purl.Version is not null ? purl : PackageUrl.Create(purl.Type, purl.Namespace, purl.Name, version,
            purl.Qualifiers.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)), purl.Subpath);
    }
}
