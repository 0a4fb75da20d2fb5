using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Shirube.Domain;
using Shirube.Web.Tests.Infrastructure;

namespace Shirube.Web.Tests.Platform;

/// <summary>
/// The web layer's one shape, checked over the assembly: pages and endpoints are thin over each feature's
/// Commands and Views, and every domain error can be said in Japanese and English.
/// </summary>
public partial class FeatureShapeTests
{
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Fact]
    public void RazorComponents_InjectNoDatabaseContext()
    {
        var offenders = Web.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null && TouchesDatabase(p.PropertyType))
                .Select(p => $"{t.FullName}.{p.Name} ({p.PropertyType.Name})"))
            .ToList();
        Assert.True(offenders.Count == 0, "Components that inject a DbContext (use the feature's Commands/Views):\n" + string.Join("\n", offenders));
    }

    private static bool TouchesDatabase(Type type) =>
        typeof(DbContext).IsAssignableFrom(type)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IDbContextFactory<>));

    [Fact]
    public void EndpointClasses_OfferNothingButTheirMapMethod()
    {
        // An endpoint class only maps routes: what it does lives in Commands/Views, so no page or other feature can call it.
        var offenders = Web.GetTypes()
            .Where(t => t.Name.EndsWith("Endpoints", StringComparison.Ordinal) && !t.IsNested)
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsPrivate && !m.IsSpecialName && m.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null
                    && !m.Name.StartsWith("Map", StringComparison.Ordinal))
                .Select(m => $"{t.FullName}.{m.Name}"))
            .ToList();
        Assert.True(offenders.Count == 0, "Endpoint members others could call (move them to the feature's Commands/Views):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void ProgramCs_ListsFeaturesAndNothingElse()
    {
        var program = File.ReadAllLines(Path.Combine(ServerProcess.RepositoryRoot(), "src", "Shirube.Web", "Program.cs"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal) && !l.StartsWith("using ", StringComparison.Ordinal)
                && !l.StartsWith("///", StringComparison.Ordinal));
        var allowed = new Regex(@"^(var builder = WebApplication\.CreateBuilder\(args\);|var app = builder\.Build\(\);|await app\.(RunAsync|InitialiseDatabaseAsync)\(\);|public partial class Program;"
            + @"|builder\.Services\.Add\w+\((builder\.Configuration)?\);|app\.(Use|Map)\w+\(\);)$");
        Assert.All(program, l => Assert.Matches(allowed, l));
    }

    /// <summary>Every error code of the domain and the web layer, with how many arguments its text may show.</summary>
    public static TheoryData<string, int> ErrorCodes()
    {
        var data = new TheoryData<string, int>();
        foreach (var (code, args) in AllErrors().DistinctBy(e => e.Code).OrderBy(e => e.Code, StringComparer.Ordinal))
            data.Add(code, args);
        return data;
    }

    private static IEnumerable<(string Code, int Args)> AllErrors() =>
        new[] { typeof(DomainError).Assembly, Web }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.Name.EndsWith("Errors", StringComparison.Ordinal) && t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(DomainError) && !m.IsPrivate)
            .Select(m => (DomainError)m.Invoke(null, [.. m.GetParameters().Select(p => Sample(p.ParameterType))])!)
            .Select(e => (e.Code, e.Args.Count));

    private static object? Sample(Type type) =>
        type == typeof(string) ? "x"
        : type.IsEnum ? Enum.GetValues(type).GetValue(0)
        : type.IsValueType ? Activator.CreateInstance(type)
        : type.IsArray ? Array.CreateInstance(type.GetElementType()!, 0)
        : null;

    [Fact]
    public void ErrorCodes_AreFound()
    {
        // The theory below would pass over an empty list: make sure the search finds the shared ones at least.
        Assert.Contains(AllErrors(), e => e.Code == "Common.Required");
    }

    [Theory]
    [MemberData(nameof(ErrorCodes))]
    public void ErrorCode_HasAJapaneseAndAnEnglishText(string code, int arguments)
    {
        foreach (var culture in new[] { "", "ja" })
        {
            var texts = ResxTexts.Load(culture);
            Assert.True(texts.TryGetValue($"Error.{code}", out var text), $"Error.{code} has no {(culture.Length == 0 ? "English" : "Japanese")} text.");
            var used = Placeholder().Matches(text!).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var beyond = used.Where(i => i >= arguments).ToList();
            Assert.True(beyond.Count == 0, $"Error.{code} ({culture}) shows {{{string.Join(",", beyond)}}} but the error has {arguments} arguments.");
        }
    }

    [GeneratedRegex(@"\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();
}
