using System.Text.Json;
using System.Text.Json.Serialization;

namespace Shirube.Formats.Portfolio;

/// <summary>How portfolio documents are read: strict JSON, size-limited, every failure a <see cref="PortfolioFormatException"/> naming the place.</summary>
internal static class PortfolioJson
{
    /// <summary>Options that refuse unknown members, missing required ones and trailing commas, with <paramref name="converters"/>.</summary>
    public static JsonSerializerOptions Options(params JsonConverter[] converters)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowTrailingCommas = false,
            MaxDepth = 16,
        };
        foreach (var converter in converters)
            options.Converters.Add(converter);
        return options;
    }

    /// <summary>Reads a document of at most <see cref="PortfolioJsonReader.MaxBytes"/> bytes into <typeparamref name="T"/>.</summary>
    public static T Read<T>(string json, JsonSerializerOptions options) where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        if (System.Text.Encoding.UTF8.GetByteCount(json) > PortfolioJsonReader.MaxBytes)
            throw new PortfolioFormatException("$", $"the document is larger than {PortfolioJsonReader.MaxBytes} bytes.");
        T? dto;
        try
        {
            dto = JsonSerializer.Deserialize<T>(json, options);
        }
        catch (JsonException e)
        {
            throw new PortfolioFormatException(e.Path ?? "$", e.Message, e);
        }
        return dto ?? throw new PortfolioFormatException("$", "the document is null.");
    }
}
