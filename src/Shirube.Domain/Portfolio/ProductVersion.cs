namespace Shirube.Domain.Portfolio;

/// <summary>A version of a product: when it was released and until when it gets security updates.</summary>
public sealed class ProductVersion
{
    private ProductVersion() => Version = string.Empty;

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>The product.</summary>
    public Guid ProductId { get; private set; }
    /// <summary>Version name, e.g. "2.1".</summary>
    public string Version { get; private set; }
    /// <summary>Release date, once released.</summary>
    public DateOnly? ReleaseDate { get; private set; }
    /// <summary>The last day of security support.</summary>
    public DateOnly? EndOfSupport { get; private set; }

    /// <summary>Creates a version after checking its name (1 to 50 characters) and dates (<c>Portfolio.SupportEndsBeforeRelease</c>).</summary>
    public static ProductVersion Create(Guid productId, string version, DateOnly? releaseDate, DateOnly? endOfSupport)
    {
        version = Guard.Text(version, "version", 50);
        Guard.That(releaseDate is not { } r || endOfSupport is not { } e || e >= r, PortfolioErrors.SupportEndsBeforeRelease());
        return new ProductVersion { Id = Guid.CreateVersion7(), ProductId = productId, Version = version, ReleaseDate = releaseDate, EndOfSupport = endOfSupport };
    }

    /// <summary>Supported on <paramref name="day"/>: released (or not yet dated) and before the end of support.</summary>
    public bool IsSupportedOn(DateOnly day) => EndOfSupport is not { } end || day <= end;

    /// <summary>Days of support left on <paramref name="day"/>, or null when no end is set.</summary>
    public int? SupportDaysLeft(DateOnly day) => EndOfSupport is { } end ? end.DayNumber - day.DayNumber : null;

    /// <summary>Where security support stands on <paramref name="day"/>, warning <paramref name="warningDays"/> days before it ends.</summary>
    public SupportStatus SupportOn(DateOnly day, int warningDays) => SupportDaysLeft(day) switch
    {
        null => SupportStatus.NoEnd,
        < 0 => SupportStatus.Ended,
        var left when left <= warningDays => SupportStatus.Ending,
        _ => SupportStatus.Supported,
    };
}

/// <summary>Where a version's security support stands on a given day.</summary>
public enum SupportStatus
{
    /// <summary>No end of support is set.</summary>
    NoEnd,
    /// <summary>Supported, the end further away than the warning window.</summary>
    Supported,
    /// <summary>Supported, but the end falls within the warning window.</summary>
    Ending,
    /// <summary>Past the last day of support.</summary>
    Ended,
}
