using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Shirube.Data;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Notices;

/// <summary>
/// The notice bell sits in the layout and asks on every page: its notices must take the same number of SQL commands
/// however many products, versions and incidents the caller sees.
/// </summary>
public class NoticeQueryTests
{
    [Fact]
    public async Task Notices_TakeTheSameNumberOfSqlCommands_ForTwoProductsAndForTwelve()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite, clock: clock);
        using var admin = await app.AdminAsync();
        var unit = await Api.CreateUnitAsync(admin, "HOME");
        for (var n = 0; n < 2; n++)
            await AddProductAsync(admin, unit.Id, n);

        // The same application, every SQL command it sends counted.
        var counter = new SqlCommandCounter();
        await using var counted = counter.Attach(app);
        using var client = counted.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenAsync(ShirubeApp.AdminUser, ShirubeApp.AdminPassword));

        var (small, smallNotices) = await CountAsync(client, counter);
        for (var n = 2; n < 12; n++)
            await AddProductAsync(admin, unit.Id, n);
        var (large, largeNotices) = await CountAsync(client, counter);

        // Each product brings a version near its end of support and an incident whose management notification is overdue.
        Assert.Equal((4, 24), (smallNotices, largeNotices));
        Assert.True(small > 0, "The interceptor counted nothing: it is not on the application's contexts.");
        Assert.Equal(small, large);
    }

    private static async Task<(int Commands, int Notices)> CountAsync(HttpClient client, SqlCommandCounter counter)
    {
        // A first call warms up what is done once (the token's first use); the second is counted.
        (await client.GetAsync("/api/notices")).EnsureSuccessStatusCode();
        counter.Reset();
        var notices = await client.GetFromJsonAsync<JsonElement>("/api/notices");
        return (counter.Count, notices.GetArrayLength());
    }

    private static async Task AddProductAsync(HttpClient admin, Guid unit, int n)
    {
        var product = await Api.CreateProductAsync(admin, unit, $"HR-{n:000}", "A", "device");
        (await admin.PostAsJsonAsync($"/api/products/{product.Id}/versions", new { version = "1.0", releaseDate = "2024-01-01", endOfSupport = "2027-04-15" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/products/{product.Id}/versions", new { version = "2.0", releaseDate = "2025-01-01", endOfSupport = "2030-09-30" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync("/api/incidents", new
        {
            title = $"Botnet {n}",
            summary = "Routers are taken over through telnet.",
            severity = "Low",
            productId = product.Id,
            becameAwareAt = new DateTime(2027, 2, 20, 9, 0, 0, DateTimeKind.Utc),
        })).EnsureSuccessStatusCode();
    }
}
