using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shirube.Data;
using Shirube.Domain.Guidelines;
using Shirube.Domain.Risk;
using Shirube.Domain.Threats;
using Shirube.Web.Features.Accounts;
using Shirube.Web.Features.Platform;
using Shirube.Web.Features.Risk;

namespace Shirube.Web.Features.Threats;

internal sealed record CountermeasureDto(string Text, string Status, string[] RequirementKeys);

internal sealed record ThreatRequest(string? Title, string? Description, string? Part, string? Stride, int Likelihood, int Impact,
    int? ResidualLikelihood, int? ResidualImpact, string? Owner, string? Decision, string? Justification, CountermeasureDto[]? Countermeasures);

internal sealed record ThreatDto(Guid Id, Guid ProductId, string Title, string? Description, string Part, string PartGroup, string Stride,
    int Likelihood, int Impact, string Risk, int? ResidualLikelihood, int? ResidualImpact, string? ResidualRisk, string? Owner, string Decision,
    string? Justification, CountermeasureDto[] Countermeasures);

internal sealed record SummaryCellDto(string Stride, string PartGroup, int Count, string? Highest);

internal sealed record ThreatRegisterDto(Guid ProductId, string Product, bool CanEdit, ThreatDto[] Threats, SummaryCellDto[] Summary);

internal sealed record CounteredDto(string Key, ThreatRefDto[] Threats);

internal sealed record ThreatRefDto(Guid Id, string Title, string Stride, string Risk);

/// <summary>The threat register of a product: threats per IoT part and STRIDE category, with countermeasures linked to baseline lines.</summary>
internal static class ThreatEndpoints
{
    public static WebApplication MapThreatEndpoints(this WebApplication app)
    {
        var products = app.MapGroup("/api/products/{productId:guid}/threats").WithTags("Threats").RequireAuthorization();
        products.MapGet("/", async Task<Results<Ok<ThreatRegisterDto>, ProblemHttpResult>> (Guid productId, ClaimsPrincipal user, ShirubeDbContext db) =>
        {
            var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId);
            if (product is null)
                return ProductNotFound(productId);
            var matrix = await RiskMatrixEndpoints.LoadAsync(db);
            var threats = await ThreatRegister.OfProductAsync(db, productId);
            return TypedResults.Ok(new ThreatRegisterDto(product.Id, product.Name, ThreatRegister.CanEdit(user, product), [.. threats.Select(t => ToDto(t, matrix))],
                [.. ThreatSummary.Of(threats, matrix).Select(c => new SummaryCellDto(c.Stride.ToString(), c.Group.ToString(), c.Count, c.Highest?.ToString()))]));
        }).WithSummary("The product's threat register: every threat with its risk before and after countermeasures (from the current matrix), and the STRIDE × part group summary with counts and the highest risk.");
        products.MapPost("/", async Task<Results<Created<ThreatDto>, ValidationProblem, ProblemHttpResult>> (Guid productId, ThreatRequest request, ClaimsPrincipal user, ShirubeDbContext db, Catalog catalog) =>
        {
            var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId);
            if (product is null)
                return ProductNotFound(productId);
            if (!ThreatRegister.CanEdit(user, product))
                return Problems.Forbidden("Only the PSIRT and the product's owners change its threats.");
            Threat threat;
            try
            {
                threat = Threat.Create(product.Id, product.BusinessUnitId, Parse(request), await KeysAsync(db, catalog, product.Id));
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            db.Threats.Add(threat);
            await db.SaveChangesAsync();
            return TypedResults.Created($"/api/threats/{threat.Id}", ToDto(threat, await RiskMatrixEndpoints.LoadAsync(db)));
        }).RequireAuthorization(AccountsSetup.WriterPolicy)
          .WithSummary("Add a threat: title, description, part (device, network-local, …), STRIDE category, likelihood and impact (1–5), residual likelihood and impact, owner, decision (Mitigate, Accept with justification, Transfer, Avoid), countermeasures with status and the keys of the baseline lines they fulfil.");

        var threats = app.MapGroup("/api/threats").WithTags("Threats").RequireAuthorization();
        threats.MapGet("/{id:guid}", async Task<Results<Ok<ThreatDto>, ProblemHttpResult>> (Guid id, ShirubeDbContext db) =>
            await LoadAsync(db, id, tracked: false) is { } t ? TypedResults.Ok(ToDto(t, await RiskMatrixEndpoints.LoadAsync(db))) : ThreatNotFound(id))
            .WithSummary("A threat with its countermeasures and its risk from the current matrix.");
        threats.MapPut("/{id:guid}", async Task<Results<Ok<ThreatDto>, ValidationProblem, ProblemHttpResult>> (Guid id, ThreatRequest request, ClaimsPrincipal user, ShirubeDbContext db, Catalog catalog) =>
        {
            if (await LoadAsync(db, id, tracked: true) is not { } threat)
                return ThreatNotFound(id);
            var product = await db.Products.AsNoTracking().SingleAsync(p => p.Id == threat.ProductId);
            if (!ThreatRegister.CanEdit(user, product))
                return Problems.Forbidden("Only the PSIRT and the product's owners change its threats.");
            try
            {
                threat.Update(Parse(request), await KeysAsync(db, catalog, product.Id));
            }
            catch (ArgumentException e)
            {
                return Problems.Invalid(e.ParamName ?? "body", e.Message);
            }
            await db.SaveChangesAsync();
            return TypedResults.Ok(ToDto(threat, await RiskMatrixEndpoints.LoadAsync(db)));
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Replace a threat with the body (as for adding one).");
        threats.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, ClaimsPrincipal user, ShirubeDbContext db) =>
        {
            if (await LoadAsync(db, id, tracked: true) is not { } threat)
                return ThreatNotFound(id);
            var product = await db.Products.AsNoTracking().SingleAsync(p => p.Id == threat.ProductId);
            if (!ThreatRegister.CanEdit(user, product))
                return Problems.Forbidden("Only the PSIRT and the product's owners change its threats.");
            db.Threats.Remove(threat);
            await db.SaveChangesAsync();
            return TypedResults.NoContent();
        }).RequireAuthorization(AccountsSetup.WriterPolicy).WithSummary("Delete a threat.");

        app.MapGet("/api/baselines/{id:guid}/threats", async Task<Results<Ok<CounteredDto[]>, ProblemHttpResult>> (Guid id, ShirubeDbContext db) =>
        {
            var baseline = await db.Baselines.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id);
            if (baseline is null)
                return Problems.NotFound($"No baseline {id} in your business units.");
            if (baseline.ProductId is not { } productId)
                return TypedResults.Ok(Array.Empty<CounteredDto>());
            var matrix = await RiskMatrixEndpoints.LoadAsync(db);
            return TypedResults.Ok(ThreatViews.Countered(await ThreatRegister.OfProductAsync(db, productId), matrix)
                .Select(kv => new CounteredDto(kv.Key, [.. kv.Value.Select(t => new ThreatRefDto(t.Id, t.Title, t.Stride.ToString(), t.RiskIn(matrix).Inherent.ToString()))]))
                .ToArray());
        }).RequireAuthorization().WithTags("Threats").WithSummary("Which of the product's threats each line of a product baseline counters (through countermeasures linked to it).");
        return app;
    }

    /// <summary>The threats each baseline line counters, by line key.</summary>
    private static ProblemHttpResult ProductNotFound(Guid id) => Problems.NotFound($"No product {id} in your business units.");

    private static ProblemHttpResult ThreatNotFound(Guid id) => Problems.NotFound($"No threat {id} in your business units.");

    private static async Task<Threat?> LoadAsync(ShirubeDbContext db, Guid id, bool tracked)
    {
        var query = db.Threats.Include(t => t.Countermeasures);
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(t => t.Id == id);
    }

    /// <summary>The included lines of the product's baselines, by key.</summary>
    private static async Task<IReadOnlySet<string>> KeysAsync(ShirubeDbContext db, Catalog catalog, Guid productId) =>
        (await ThreatRegister.LinesAsync(db, catalog, productId)).Select(l => l.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The request as a draft; an unknown name throws <see cref="ArgumentException"/> naming the field.</summary>
    private static ThreatDraft Parse(ThreatRequest r)
    {
        if (!IotParts.TryParse(r.Part, out var part))
            throw Invalid("part", $"'{r.Part}' is not an IoT part; expected one of: {string.Join(", ", IotParts.All.Select(p => p.ToId()))}.");
        var stride = Name<StrideCategory>(r.Stride, "stride", "a STRIDE category");
        var decision = r.Decision is null ? ThreatDecision.Mitigate : Name<ThreatDecision>(r.Decision, "decision", "a decision");
        var countermeasures = (r.Countermeasures ?? []).Select((c, n) => new CountermeasureDraft(c.Text,
            c.Status is null ? CountermeasureStatus.Planned : Name<CountermeasureStatus>(c.Status, $"countermeasures[{n}].status", "a countermeasure status"),
            c.RequirementKeys ?? [])).ToList();
        return new ThreatDraft(r.Title ?? string.Empty, r.Description, part, stride, r.Likelihood, r.Impact, r.ResidualLikelihood, r.ResidualImpact,
            r.Owner, decision, r.Justification, countermeasures);
    }

    private static T Name<T>(string? text, string field, string what) where T : struct, Enum =>
        EnumNames.TryParse<T>(text, out var value) ? value : throw Invalid(field, $"'{text}' is not {what}; expected one of: {string.Join(", ", Enum.GetNames<T>())}.");

    private static ArgumentException Invalid(string field, string message) => new(message, field);

    internal static ThreatDto ToDto(Threat t, RiskMatrix matrix)
    {
        var risk = t.RiskIn(matrix);
        return new(t.Id, t.ProductId, t.Title, t.Description, t.Part.ToId(), IotParts.GroupOf(t.Part).ToString(), t.Stride.ToString(), t.Likelihood, t.Impact,
            risk.Inherent.ToString(), t.ResidualLikelihood, t.ResidualImpact, risk.Residual?.ToString(), t.Owner, t.Decision.ToString(), t.Justification,
            [.. t.Countermeasures.OrderBy(c => c.Order).Select(c => new CountermeasureDto(c.Text, c.Status.ToString(), [.. c.RequirementKeys]))]);
    }
}
