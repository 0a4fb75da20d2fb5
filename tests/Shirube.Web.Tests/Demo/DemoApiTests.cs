using System.Net;
using Shirube.Data;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Demo;

public class DemoApiTests
{
    [Fact]
    public async Task Demo_WhenAnExampleUnitCodeIsTaken_Is409WithTheCodeInTheCallersLanguage()
    {
        await using var app = await ShirubeApp.StartAsync(DatabaseProvider.Sqlite);
        using var admin = await app.AdminAsync();
        await Api.CreateUnitAsync(admin, "HOME");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/demo");
        request.Headers.Add("Accept-Language", "ja");
        var problem = await Api.AssertProblemAsync(await admin.SendAsync(request), HttpStatusCode.Conflict);
        Assert.Equal("Demo.UnitCodeTaken", problem.GetProperty("code").GetString());
        Assert.Equal("コード 'HOME' の事業部がすでにあるため、サンプルのポートフォリオは読み込みませんでした。", problem.GetProperty("detail").GetString());
    }
}
