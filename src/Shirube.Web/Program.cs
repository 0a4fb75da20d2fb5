using Shirube.Web.Components;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Assessments;
using Shirube.Web.Features.Auditing;
using Shirube.Web.Features.Baselines;
using Shirube.Web.Features.Cases;
using Shirube.Web.Features.Components;
using Shirube.Web.Features.Dashboard;
using Shirube.Web.Features.Demo;
using Shirube.Web.Features.Disclosure;
using Shirube.Web.Features.Exploitation;
using Shirube.Web.Features.Exports;
using Shirube.Web.Features.Guidelines;
using Shirube.Web.Features.Incidents;
using Shirube.Web.Features.Localization;
using Shirube.Web.Features.Metrics;
using Shirube.Web.Features.Notices;
using Shirube.Web.Features.Vulnerabilities;
using Shirube.Web.Features.Organisation;
using Shirube.Web.Features.Platform;
using Shirube.Web.Features.Portfolio;
using Shirube.Web.Features.Psirt;
using Shirube.Web.Features.Risk;
using Shirube.Web.Features.Stakeholders;
using Shirube.Web.Features.Threats;
using Shirube.Web.Features.Training;

// Program.cs lists the features, nothing else: each feature registers its services and maps its API itself.
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddShirubePlatform(builder.Configuration);
builder.Services.AddShirubeLocalization();
builder.Services.AddAccounts();
builder.Services.AddShirubeUi();
builder.Services.AddOrganisation();
builder.Services.AddPortfolio();
builder.Services.AddDashboard();
builder.Services.AddDemo();
builder.Services.AddGuidelines();
builder.Services.AddBaselines();
builder.Services.AddAssessments();
builder.Services.AddExports();
builder.Services.AddCases();
builder.Services.AddDisclosure();
builder.Services.AddComponents();
builder.Services.AddExploitation();
builder.Services.AddRisk();
builder.Services.AddThreats();
builder.Services.AddCaseMetrics();
builder.Services.AddIncidents();
builder.Services.AddNotices();
builder.Services.AddVulnerabilities();
builder.Services.AddPsirt();
builder.Services.AddTraining();
builder.Services.AddAuditing();
builder.Services.AddStakeholders();

var app = builder.Build();

await app.InitialiseDatabaseAsync();

app.UseShirubePlatform();
app.UseShirubeLocalization();
app.UseAuthentication();
app.UseMustChangePassword();
app.UseAuthorization();
app.UseAntiforgery();

app.MapShirubePlatformEndpoints();
app.MapCultureEndpoints();
app.MapAccountsApi();
app.MapOrganisationApi();
app.MapPortfolioApi();
app.MapDemoApi();
app.MapGuidelinesApi();
app.MapBaselinesApi();
app.MapAssessmentsApi();
app.MapExportsApi();
app.MapCasesApi();
app.MapDisclosureApi();
app.MapComponentsApi();
app.MapExploitationApi();
app.MapRiskApi();
app.MapThreatsApi();
app.MapCaseMetricsApi();
app.MapIncidentsApi();
app.MapNoticesApi();
app.MapVulnerabilitiesApi();
app.MapPsirtApi();
app.MapTrainingApi();
app.MapAuditingApi();
app.MapStakeholdersApi();
app.MapShirubeUi();

await app.RunAsync();

/// <summary>The web application's entry point; public for WebApplicationFactory in tests.</summary>
public partial class Program;
