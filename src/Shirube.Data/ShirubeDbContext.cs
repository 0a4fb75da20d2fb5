using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Shirube.Data.Accounts;
using Shirube.Data.Assessments;
using Shirube.Data.Auditing;
using Shirube.Data.Components;
using Shirube.Data.Guidelines;
using Shirube.Data.Organisation;
using Shirube.Domain.Accounts;
using Shirube.Domain.Assessments;
using Shirube.Domain.Auditing;
using Shirube.Domain.Baselines;
using Shirube.Domain.Cases;
using Shirube.Domain.Components;
using Shirube.Domain.Disclosure.Advisories;
using Shirube.Domain.Exploitation;
using Shirube.Domain.Incidents;
using Shirube.Domain.Organisation;
using Shirube.Domain.Portfolio;
using Shirube.Domain.Psirt;
using Shirube.Domain.Risk;
using Shirube.Domain.Stakeholders;
using Shirube.Domain.Threats;
using Shirube.Domain.Training;

namespace Shirube.Data;

/// <summary>
/// The one database of Shirube. Data that belongs to a business unit is filtered by the actor's
/// <see cref="UnitScope"/> in every query; every change of domain data is written to the audit log
/// in the same transaction.
/// </summary>
public sealed class ShirubeDbContext(DbContextOptions<ShirubeDbContext> options, ICurrentActor actor, TimeProvider? clock = null)
    : IdentityDbContext<ShirubeUser>(options)
{
    /// <summary>The actor whose scope filters queries and who is recorded in the audit log.</summary>
    public ICurrentActor Actor { get; } = actor;

    /// <summary>The clock the audit log reads (the application's <see cref="TimeProvider"/>; the system clock when none is given).</summary>
    public TimeProvider Clock { get; } = clock ?? TimeProvider.System;

    // Read by the query filters; EF Core evaluates these per query against this context instance.
    private bool ScopeSeesAll => Actor.Scope.SeesAllUnits;
    private IReadOnlyCollection<Guid> ScopeUnitIds => Actor.Scope.UnitIds;

    /// <summary>Business units.</summary>
    public DbSet<BusinessUnit> BusinessUnits => Set<BusinessUnit>();
    /// <summary>Who belongs to which unit.</summary>
    public DbSet<UnitMembership> UnitMemberships => Set<UnitMembership>();
    /// <summary>Products, filtered by the actor's units.</summary>
    public DbSet<Product> Products => Set<Product>();
    /// <summary>Tailored baselines, filtered by the actor's units.</summary>
    public DbSet<Baseline> Baselines => Set<Baseline>();
    /// <summary>Published versions of baselines, for comparing them.</summary>
    public DbSet<BaselineSnapshot> BaselineSnapshots => Set<BaselineSnapshot>();
    /// <summary>Assessments of product versions against baselines, filtered by the actor's units.</summary>
    public DbSet<Assessment> Assessments => Set<Assessment>();
    /// <summary>Evidence files of assessments (read them through an assessment the actor may see).</summary>
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();
    /// <summary>The bytes of evidence files.</summary>
    public DbSet<EvidenceBlob> EvidenceBlobs => Set<EvidenceBlob>();
    /// <summary>Vulnerability cases, filtered by the actor's units (unassigned ones: PSIRT managers and administrators only).</summary>
    public DbSet<VulnerabilityCase> Cases => Set<VulnerabilityCase>();
    /// <summary>Files reporters attached (read them through a case the actor may see).</summary>
    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();
    /// <summary>Incidents, filtered by the actor's units (those without a product: PSIRT managers and administrators only).</summary>
    public DbSet<Incident> Incidents => Set<Incident>();
    /// <summary>The notification matrix: who hears of an incident at which severity, within how many hours.</summary>
    public DbSet<NotificationRule> NotificationRules => Set<NotificationRule>();
    /// <summary>The risk-level definitions.</summary>
    public DbSet<RiskClass> RiskClasses => Set<RiskClass>();
    /// <summary>The likelihood × impact matrix that gives threats their risk level (one row).</summary>
    public DbSet<RiskMatrix> RiskMatrices => Set<RiskMatrix>();
    /// <summary>Threats of products, filtered by the actor's units.</summary>
    public DbSet<Threat> Threats => Set<Threat>();
    /// <summary>API tokens (hashed).</summary>
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    /// <summary>Guidelines users imported (OSCAL catalogs).</summary>
    public DbSet<ImportedCatalog> ImportedCatalogs => Set<ImportedCatalog>();
    /// <summary>Stakeholders: internal departments, suppliers, coordinators, customers, regulators (company-wide).</summary>
    public DbSet<Stakeholder> Stakeholders => Set<Stakeholder>();
    /// <summary>The PSIRT's set-up (one row).</summary>
    public DbSet<PsirtOrganisation> PsirtOrganisation => Set<PsirtOrganisation>();
    /// <summary>The people of the PSIRT.</summary>
    public DbSet<PsirtMember> PsirtMembers => Set<PsirtMember>();
    /// <summary>The RACI matrix of FIRST services to internal departments.</summary>
    public DbSet<RaciAssignment> RaciAssignments => Set<RaciAssignment>();
    /// <summary>The append-only audit log.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    /// <summary>PSIRT maturity self-assessments (company-wide).</summary>
    public DbSet<MaturityAssessment> MaturityAssessments => Set<MaturityAssessment>();
    /// <summary>Training courses.</summary>
    public DbSet<TrainingCourse> TrainingCourses => Set<TrainingCourse>();
    /// <summary>Training assignments to roles or users.</summary>
    public DbSet<TrainingAssignment> TrainingAssignments => Set<TrainingAssignment>();
    /// <summary>Training completion records.</summary>
    public DbSet<TrainingCompletion> TrainingCompletions => Set<TrainingCompletion>();

    /// <summary>CISA's Known Exploited Vulnerabilities, as last imported.</summary>
    public DbSet<KevEntry> KevEntries => Set<KevEntry>();

    /// <summary>FIRST's EPSS scores, as last imported.</summary>
    public DbSet<EpssScore> EpssScores => Set<EpssScore>();

    /// <summary>Completed imports of the exploitation feeds.</summary>
    public DbSet<FeedImport> FeedImports => Set<FeedImport>();

    /// <summary>The SBOM of each product version, filtered by the actor's units.</summary>
    public DbSet<ProductSbom> Sboms => Set<ProductSbom>();

    /// <summary>The components of the SBOMs, filtered by the actor's units.</summary>
    public DbSet<ProductComponent> SbomComponents => Set<ProductComponent>();

    /// <summary>The dependency edges of the SBOMs (read them through an SBOM the actor may see).</summary>
    public DbSet<ComponentDependency> SbomDependencies => Set<ComponentDependency>();

    /// <summary>Known vulnerabilities in product versions' components, filtered by the actor's units.</summary>
    public DbSet<Finding> Findings => Set<Finding>();

    /// <summary>What happened to each finding (read it through a finding the actor may see).</summary>
    public DbSet<FindingChange> FindingHistory => Set<FindingChange>();

    /// <summary>Security advisories of cases, filtered by the actor's units.</summary>
    public DbSet<Advisory> Advisories => Set<Advisory>();

    /// <summary>The published revisions of advisories (read them through an advisory the actor may see).</summary>
    public DbSet<AdvisoryRevision> AdvisoryRevisions => Set<AdvisoryRevision>();

    /// <summary>Upstream CSAF providers configured as sources of supplier advisories, the same for every unit.</summary>
    public DbSet<Domain.Vulnerabilities.Suppliers.SupplierProvider> SupplierProviders => Set<Domain.Vulnerabilities.Suppliers.SupplierProvider>();

    /// <summary>Vulnerability records (OSV, NVD, JVN): public data, the same for every unit.</summary>
    public DbSet<StoredVulnerability> Vulnerabilities => Set<StoredVulnerability>();

    /// <summary>The packages each vulnerability record names, by search key.</summary>
    public DbSet<VulnerabilityPackage> VulnerabilityPackages => Set<VulnerabilityPackage>();

    /// <summary>The aliases of each vulnerability record.</summary>
    public DbSet<VulnerabilityAlias> VulnerabilityAliases => Set<VulnerabilityAlias>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ShirubeDbContext).Assembly);
        builder.Entity<Product>().HasQueryFilter(p => ScopeSeesAll || ScopeUnitIds.Contains(p.BusinessUnitId));
        // Company baselines (no unit) are the portfolio's common ground: every signed-in user reads them.
        builder.Entity<Baseline>().HasQueryFilter(b => b.BusinessUnitId == null || ScopeSeesAll || ScopeUnitIds.Contains(b.BusinessUnitId.Value));
        // A case not yet assigned to a unit (a fresh report) is seen only by those who see every unit.
        builder.Entity<VulnerabilityCase>().HasQueryFilter(c => ScopeSeesAll || (c.BusinessUnitId != null && ScopeUnitIds.Contains(c.BusinessUnitId.Value)));
        builder.Entity<Incident>().HasQueryFilter(i => ScopeSeesAll || (i.BusinessUnitId != null && ScopeUnitIds.Contains(i.BusinessUnitId.Value)));
        // The audit log shows a unit's changes only to those who see the unit, and changes of unassigned sensitive data
        // (new reports, their comments) only to those who see every unit; the organisation's own data to every reader.
        builder.Entity<AuditEntry>().HasQueryFilter(a => ScopeSeesAll || a.BusinessUnitId == null || ScopeUnitIds.Contains(a.BusinessUnitId.Value));
        builder.Entity<Assessment>().HasQueryFilter(a => ScopeSeesAll || ScopeUnitIds.Contains(a.BusinessUnitId));
        builder.Entity<Threat>().HasQueryFilter(t => ScopeSeesAll || ScopeUnitIds.Contains(t.BusinessUnitId));
        builder.Entity<ProductSbom>().HasQueryFilter(s => ScopeSeesAll || ScopeUnitIds.Contains(s.BusinessUnitId));
        builder.Entity<ProductComponent>().HasQueryFilter(c => ScopeSeesAll || ScopeUnitIds.Contains(c.BusinessUnitId));
        builder.Entity<Finding>().HasQueryFilter(f => ScopeSeesAll || ScopeUnitIds.Contains(f.BusinessUnitId));
        builder.Entity<Advisory>().HasQueryFilter(a => ScopeSeesAll || ScopeUnitIds.Contains(a.BusinessUnitId));
    }

    /// <inheritdoc />
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditRecorder.Record(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc />
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditRecorder.Record(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
