using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shirube.Web.Tests.Infrastructure;

public sealed record UnitResponse(Guid Id, string Code, string NameEn, string NameJa, bool IsDemo);
public sealed record ProductResponse(Guid Id, Guid BusinessUnitId, string Name, string Field, string[] Parts, bool IsDemo);
public sealed record UserResponse(string Id, string UserName, string DisplayName, string[] Roles, Guid[] BusinessUnitIds, bool LockedOut);
public sealed record MeResponse(string UserName, string[] Roles, string[] BusinessUnits, bool SeesAllUnits);

internal static class Api
{
    /// <summary>Asserts an RFC 9457 problem with the status, and returns its JSON.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("title", out _));
        return problem;
    }

    public static async Task<UnitResponse> CreateUnitAsync(HttpClient admin, string code)
    {
        var response = await admin.PostAsJsonAsync("/api/business-units", new { code, nameEn = code + " division", nameJa = code + " 事業部" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UnitResponse>())!;
    }

    public static async Task<UserResponse> CreateUserAsync(HttpClient admin, string userName, string password, string[] roles, Guid[] units)
    {
        var response = await admin.PostAsJsonAsync("/api/users", new { userName, displayName = userName, password, roles, businessUnitIds = units });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<UserResponse>())!;
    }

    public static async Task<ProductResponse> CreateProductAsync(HttpClient client, Guid unit, string name, string field, params string[] parts)
    {
        var response = await client.PostAsJsonAsync("/api/products", new { businessUnitId = unit, name, field, parts });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ProductResponse>())!;
    }
}
