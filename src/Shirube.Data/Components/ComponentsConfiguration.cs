using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shirube.Domain.Cases;
using Shirube.Domain.Components;
using Shirube.Domain.Packages;
using Shirube.Domain.Portfolio;

namespace Shirube.Data.Components;

internal sealed class ProductSbomConfiguration : IEntityTypeConfiguration<ProductSbom>
{
    public void Configure(EntityTypeBuilder<ProductSbom> builder)
    {
        builder.ToTable("Sboms");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<ProductVersion>().WithMany().HasForeignKey(s => s.ProductVersionId).OnDelete(DeleteBehavior.Cascade);
        // One SBOM per version: a re-import replaces it.
        builder.HasIndex(s => s.ProductVersionId).IsUnique();
        builder.HasIndex(s => s.BusinessUnitId);
        builder.HasIndex(s => s.ProductId);
        builder.Property(s => s.Format).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.SpecVersion).HasMaxLength(20).IsRequired();
        builder.Property(s => s.Name).HasMaxLength(500);
        builder.Property(s => s.FileName).HasMaxLength(255).IsRequired();
        builder.Property(s => s.ImportedBy).HasMaxLength(256).IsRequired();
        builder.HasMany(s => s.Components).WithOne().HasForeignKey(c => c.SbomId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Components).HasField("_components").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(s => s.Dependencies).WithOne().HasForeignKey(d => d.SbomId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Dependencies).HasField("_dependencies").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ProductComponentConfiguration : IEntityTypeConfiguration<ProductComponent>
{
    public void Configure(EntityTypeBuilder<ProductComponent> builder)
    {
        builder.ToTable("SbomComponents");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Ref).HasMaxLength(ProductComponent.MaxRef).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(500).IsRequired();
        builder.Property(c => c.Version).HasMaxLength(200);
        builder.Property(c => c.Type).HasMaxLength(50);
        builder.Property(c => c.Purl).HasMaxLength(PackageUrl.MaxLength);
        builder.Property(c => c.Cpe).HasMaxLength(Cpe.MaxLength);
        builder.Property(c => c.Supplier).HasMaxLength(500);
        builder.Property(c => c.ParentRef).HasMaxLength(ProductComponent.MaxRef);
        builder.PrimitiveCollection(c => c.Licences).HasField("_licences");
        builder.PrimitiveCollection(c => c.Hashes).HasField("_hashes");
        // The search keys of "am I affected?": each is an index look-up.
        builder.Property(c => c.Ecosystem).HasMaxLength(50);
        builder.Property(c => c.NormalizedName).HasMaxLength(500).IsRequired();
        builder.Property(c => c.PurlBase).HasMaxLength(ProductComponent.MaxPurlBase);
        builder.Property(c => c.CpeVendor).HasMaxLength(200);
        builder.Property(c => c.CpeProduct).HasMaxLength(200);
        builder.Property(c => c.ShortName).HasMaxLength(500).IsRequired();
        builder.HasIndex(c => new { c.NormalizedName, c.Ecosystem });
        builder.HasIndex(c => c.ShortName);
        builder.HasIndex(c => c.PurlBase);
        builder.HasIndex(c => new { c.CpeProduct, c.CpeVendor });
        builder.HasIndex(c => c.SbomId);
        builder.HasIndex(c => c.ProductVersionId);
        builder.HasIndex(c => c.BusinessUnitId);
    }
}

internal sealed class ComponentDependencyConfiguration : IEntityTypeConfiguration<ComponentDependency>
{
    public void Configure(EntityTypeBuilder<ComponentDependency> builder)
    {
        builder.ToTable("SbomDependencies");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.FromRef).HasMaxLength(ProductComponent.MaxRef).IsRequired();
        builder.Property(d => d.ToRef).HasMaxLength(ProductComponent.MaxRef).IsRequired();
        builder.HasIndex(d => d.SbomId);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.ToTable("Findings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.HasOne<ProductVersion>().WithMany().HasForeignKey(f => f.ProductVersionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<VulnerabilityCase>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(f => f.ComponentKey).HasMaxLength(64).IsFixedLength(false).IsRequired();
        builder.HasIndex(f => new { f.ProductVersionId, f.ComponentKey, f.VulnerabilityId }).IsUnique();
        builder.Property(f => f.ComponentRef).HasMaxLength(ProductComponent.MaxRef).IsRequired();
        builder.Property(f => f.ComponentName).HasMaxLength(500).IsRequired();
        builder.Property(f => f.ComponentVersion).HasMaxLength(200);
        builder.Property(f => f.ComponentPurl).HasMaxLength(PackageUrl.MaxLength);
        builder.Property(f => f.ComponentCpe).HasMaxLength(Cpe.MaxLength);
        builder.Property(f => f.VulnerabilityId).HasMaxLength(100).IsRequired();
        builder.PrimitiveCollection(f => f.Aliases).HasField("_aliases");
        builder.Property(f => f.CveId).HasMaxLength(30);
        builder.Property(f => f.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.MatchedBy).HasMaxLength(2000).IsRequired();
        builder.Property(f => f.Summary).HasMaxLength(1000);
        builder.Property(f => f.CvssVector).HasMaxLength(300);
        builder.Property(f => f.CvssScore).HasPrecision(3, 1);
        builder.Property(f => f.Severity).HasConversion<string>().HasMaxLength(10);
        builder.Property(f => f.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Justification).HasConversion<string>().HasMaxLength(40);
        builder.Property(f => f.Detail).HasMaxLength(Finding.MaxDetail);
        builder.Property(f => f.SuppressionReason).HasMaxLength(1000);
        builder.Ignore(f => f.IsOpen);
        builder.HasIndex(f => f.VulnerabilityId);
        builder.HasIndex(f => f.CveId);
        builder.HasIndex(f => f.BusinessUnitId);
        builder.HasIndex(f => f.ProductId);
        builder.HasIndex(f => f.CaseId);
        builder.HasIndex(f => f.FirstSeen);
        builder.HasMany(f => f.History).WithOne().HasForeignKey(h => h.FindingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(f => f.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class FindingChangeConfiguration : IEntityTypeConfiguration<FindingChange>
{
    public void Configure(EntityTypeBuilder<FindingChange> builder)
    {
        builder.ToTable("FindingHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Justification).HasConversion<string>().HasMaxLength(40);
        builder.Property(h => h.Note).HasMaxLength(Finding.MaxDetail);
        builder.Property(h => h.By).HasMaxLength(256).IsRequired();
        builder.HasIndex(h => h.FindingId);
    }
}

internal sealed class StoredVulnerabilityConfiguration : IEntityTypeConfiguration<StoredVulnerability>
{
    public void Configure(EntityTypeBuilder<StoredVulnerability> builder)
    {
        builder.ToTable("Vulnerabilities");
        builder.HasKey(v => new { v.Source, v.Id });
        builder.Property(v => v.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(v => v.Id).HasMaxLength(100);
        builder.HasIndex(v => v.Id);
        builder.HasIndex(v => v.Modified);
        builder.Property(v => v.Summary).HasMaxLength(1000);
        builder.Property(v => v.Details).HasMaxLength(8000);
        builder.Property(v => v.Language).HasMaxLength(10).IsRequired();
        builder.Property(v => v.CvssVector).HasMaxLength(300);
        builder.Property(v => v.CvssScore).HasPrecision(3, 1);
        builder.PrimitiveCollection(v => v.Aliases).HasField("_aliases");
        builder.Property(v => v.Json).IsRequired();
        builder.HasMany(v => v.Packages).WithOne().HasForeignKey(p => new { p.Source, p.RecordId }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Packages).HasField("_packages").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(v => v.AliasRows).WithOne().HasForeignKey(a => new { a.Source, a.RecordId }).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.AliasRows).HasField("_aliasRows").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class VulnerabilityPackageConfiguration : IEntityTypeConfiguration<VulnerabilityPackage>
{
    public void Configure(EntityTypeBuilder<VulnerabilityPackage> builder)
    {
        builder.ToTable("VulnerabilityPackages");
        builder.HasKey(p => new { p.Source, p.RecordId, p.Ecosystem, p.Name });
        builder.Property(p => p.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.RecordId).HasMaxLength(100);
        builder.Property(p => p.Ecosystem).HasMaxLength(50);
        builder.Property(p => p.Name).HasMaxLength(500);
        // From a package to the records that name it.
        builder.HasIndex(p => new { p.Name, p.Ecosystem });
    }
}

internal sealed class VulnerabilityAliasConfiguration : IEntityTypeConfiguration<VulnerabilityAlias>
{
    public void Configure(EntityTypeBuilder<VulnerabilityAlias> builder)
    {
        builder.ToTable("VulnerabilityAliases");
        builder.HasKey(a => new { a.Source, a.RecordId, a.Alias });
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.RecordId).HasMaxLength(100);
        builder.Property(a => a.Alias).HasMaxLength(100);
        builder.HasIndex(a => a.Alias);
    }
}
