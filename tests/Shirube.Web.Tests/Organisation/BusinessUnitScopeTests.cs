using System.Net;
using System.Net.Http.Json;
using Shirube.Data;
using Shirube.Testing;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Organisation;

/// <summary>A distributed PSIRT: each unit's people see their unit's products, managers see all.</summary>
public class BusinessUnitScopeTests
{
    private const string Password = "Unit-Passw0rd-123";

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Products_AreScopedToTheCallersBusinessUnits(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        var infra = await Api.CreateUnitAsync(admin, "INFRA");
        await Api.CreateUserAsync(admin, "hana", Password, ["PsirtAnalyst"], [home.Id]);
        await Api.CreateUserAsync(admin, "ken", Password, ["PsirtManager"], []);
        var router = await Api.CreateProductAsync(admin, home.Id, "Router", "A", "device", "gateway");
        var meter = await Api.CreateProductAsync(admin, infra.Id, "Meter", "D", "device");

        using var hana = app.ClientWithToken(await app.TokenAsync("hana", Password));
        using var ken = app.ClientWithToken(await app.TokenAsync("ken", Password));

        var hanaSees = await hana.GetFromJsonAsync<ProductResponse[]>("/api/products");
        Assert.NotNull(hanaSees);
        Assert.Equal(["Router"], hanaSees.Select(p => p.Name));
        Assert.Equal(["device", "gateway"], hanaSees[0].Parts);
        var kenSees = await ken.GetFromJsonAsync<ProductResponse[]>("/api/products");
        Assert.Equal(["Meter", "Router"], kenSees!.Select(p => p.Name).Order(StringComparer.Ordinal));

        Assert.Equal(HttpStatusCode.OK, (await hana.GetAsync($"/api/products/{router.Id}")).StatusCode);
        await Api.AssertProblemAsync(await hana.GetAsync($"/api/products/{meter.Id}"), HttpStatusCode.NotFound);
        await Api.AssertProblemAsync(await hana.DeleteAsync($"/api/products/{meter.Id}"), HttpStatusCode.NotFound);
        await Api.AssertProblemAsync(
            await hana.PostAsJsonAsync("/api/products", new { businessUnitId = infra.Id, name = "Sneaky", field = "D", parts = new[] { "device" } }),
            HttpStatusCode.Forbidden);
        await Api.CreateProductAsync(hana, home.Id, "Camera", "B", "device");

        var hanaUnits = await hana.GetFromJsonAsync<UnitResponse[]>("/api/business-units");
        Assert.Equal(["HOME"], hanaUnits!.Select(u => u.Code));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Auditor_ReadsButCannotWrite(DatabaseProvider provider)
    {
        await using var app = await ShirubeApp.StartAsync(provider);
        using var admin = await app.AdminAsync();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        await Api.CreateUserAsync(admin, "aiko", Password, ["Auditor"], [home.Id]);
        await Api.CreateProductAsync(admin, home.Id, "Router", "A", "device");
        using var aiko = app.ClientWithToken(await app.TokenAsync("aiko", Password));

        Assert.Single((await aiko.GetFromJsonAsync<ProductResponse[]>("/api/products"))!);
        await Api.AssertProblemAsync(
            await aiko.PostAsJsonAsync("/api/products", new { businessUnitId = home.Id, name = "x", field = "A", parts = Array.Empty<string>() }),
            HttpStatusCode.Forbidden);
        await Api.AssertProblemAsync(await aiko.PostAsync("/api/demo", null), HttpStatusCode.Forbidden);
        await Api.AssertProblemAsync(await aiko.GetAsync("/api/users"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_GetsProblem401OnTheApi_AndALoginRedirectOnPages()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/api/products", "/api/business-units", "/api/audit", "/api/users", "/api/me" })
            await Api.AssertProblemAsync(await anonymous.GetAsync(path), HttpStatusCode.Unauthorized);

        var page = await anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownRoleOrUnit_IsRefusedNamingIt()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/users", new { userName = "x", password = Password, roles = new[] { "Janitor" } });
        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Organisation.UnknownRole", problem.GetProperty("code").GetString());
        Assert.Contains("'Janitor'", problem.GetProperty("errors").GetProperty("roles")[0].GetString(), StringComparison.Ordinal);
        var unit = await Api.AssertProblemAsync(
            await admin.PostAsJsonAsync("/api/users", new { userName = "x", password = Password, roles = new[] { "Auditor" }, businessUnitIds = new[] { Guid.NewGuid() } }),
            HttpStatusCode.BadRequest);
        Assert.Equal("Organisation.UnknownUnit", unit.GetProperty("code").GetString());
        Assert.True(unit.GetProperty("errors").TryGetProperty("businessUnitIds", out _));
    }

    [Fact]
    public async Task BusinessUnits_CodeTakenIs409_BadCodeIs400_UnitWithProductsStays()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        var home = await Api.CreateUnitAsync(admin, "HOME");
        await Api.CreateProductAsync(admin, home.Id, "Router", "A", "device");

        var taken = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/business-units", new { code = "HOME", nameEn = "Again", nameJa = "再度" }), HttpStatusCode.Conflict);
        Assert.Equal("Organisation.UnitCodeTaken", taken.GetProperty("code").GetString());
        var badCode = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/business-units", new { code = "has space", nameEn = "X", nameJa = "X" }), HttpStatusCode.BadRequest);
        Assert.Equal("Organisation.UnitCode", badCode.GetProperty("code").GetString());
        Assert.True(badCode.GetProperty("errors").TryGetProperty("code", out _));
        var busy = await Api.AssertProblemAsync(await admin.DeleteAsync($"/api/business-units/{home.Id}"), HttpStatusCode.Conflict);
        Assert.Equal("Organisation.UnitHasProducts", busy.GetProperty("code").GetString());
        await Api.AssertProblemAsync(await admin.DeleteAsync($"/api/business-units/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        var empty = await Api.CreateUnitAsync(admin, "EMPTY");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/business-units/{empty.Id}")).StatusCode);

        var user = await Api.AssertProblemAsync(await admin.PutAsJsonAsync("/api/users/nobody", new { displayName = "X" }), HttpStatusCode.NotFound);
        Assert.Equal("Organisation.UserNotFound", user.GetProperty("code").GetString());
        var again = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/users", new { userName = ShirubeApp.AdminUser, password = Password }), HttpStatusCode.Conflict);
        Assert.Equal("Organisation.UserNameTaken", again.GetProperty("code").GetString());
        var weak = await Api.AssertProblemAsync(await admin.PostAsJsonAsync("/api/users", new { userName = "weak", password = "short" }), HttpStatusCode.BadRequest);
        Assert.True(weak.GetProperty("errors").TryGetProperty("password", out _));
    }
}
