using Shirube.Web.Components;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.ApiTokens;
using Shirube.Web.Features.Assessments;
using Shirube.Web.Features.Audit;
using Shirube.Web.Features.Baselines;
using Shirube.Web.Features.Cases;
using Shirube.Web.Features.Demo;
using Shirube.Web.Features.Exploitation;
using Shirube.Web.Features.Exports;
using Shirube.Web.Features.Guidelines;
using Shirube.Web.Features.Incidents;
using Shirube.Web.Features.Notices;
using Shirube.Web.Features.Localization;
using Shirube.Web.Features.Metrics;
using Shirube.Web.Features.Organisation;
using Shirube.Web.Features.Platform;
using Shirube.Web.Features.Portfolio;
using Shirube.Web.Features.Risk;
using Shirube.Web.Features.Threats;
using Shirube.Web.Features.PsirtOrganisation;
using Shirube.Web.Features.Stakeholders;
using Shirube.Web.Features.Psirt;
using Shirube.Web.Features.Training;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddShirubePlatform(builder.Configuration);
builder.Services.AddShirubeLocalization();
builder.Services.AddShirubeAccounts();
builder.Services.AddShirubeGuidelines();
builder.Services.AddShirubeUi();
builder.Services.AddSingleton<CaseIntake>();
builder.Services.AddShirubeExploitation();
builder.Services.AddSingleton<NoticeCentre>();
builder.Services.AddSingleton(_ => Shirube.Formats.Psirt.PsirtFrameworkReader.Load());
builder.Services.AddSingleton(sp => ResponseLevels.FromSettings(sp.GetRequiredService<IConfiguration>()));

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
app.MapAccountEndpoints();
app.MapApiTokenEndpoints();
app.MapOrganisationEndpoints();
app.MapProductEndpoints();
app.MapDemoEndpoints();
app.MapGuidelineEndpoints();
app.MapBaselineEndpoints();
app.MapAssessmentEndpoints();
app.MapExportEndpoints();
app.MapCaseEndpoints();
app.MapCraEndpoints();
app.MapExploitationEndpoints();
app.MapRiskMatrixEndpoints();
app.MapThreatEndpoints();
app.MapMetricsEndpoints();
app.MapIncidentEndpoints();
app.MapNoticeEndpoints();
app.MapMaturityEndpoints();
app.MapTrainingEndpoints();
app.MapAuditEndpoints();
app.MapStakeholderEndpoints();
app.MapPsirtOrganisationEndpoints();
app.MapShirubeUi();

await app.RunAsync();

/// <summary>The web application's entry point; public for WebApplicationFactory in tests.</summary>
public partial class Program;
