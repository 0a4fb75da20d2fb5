using System.Net.Mail;

namespace Shirube.Domain.Stakeholders;

/// <summary>The contact details of a stakeholder, as entered.</summary>
/// <param name="NameJa">Japanese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Email">Contact email, or null while to be confirmed.</param>
/// <param name="Phone">Phone number, or null while to be confirmed.</param>
/// <param name="WebPage">Home or contact page (http or https).</param>
/// <param name="PreferredLanguage">Preferred language tag, e.g. "ja" or "en".</param>
/// <param name="EncryptionKey">OpenPGP fingerprint, key URL or S/MIME note.</param>
/// <param name="Notes">Free notes.</param>
public sealed record StakeholderDetails(string NameJa, string NameEn, string? Email = null, string? Phone = null, string? WebPage = null,
    string? PreferredLanguage = null, string? EncryptionKey = null, string? Notes = null);

/// <summary>
/// Someone the PSIRT works with: an internal department, a supplier, a coordinator, a customer or a regulator.
/// Suppliers carry package keys (purl type and namespace, optionally a name prefix) and CPE vendors, so that a
/// component finding names whom to contact; customers may be linked to the products they use.
/// </summary>
public sealed class Stakeholder
{
    /// <summary>The most package keys or CPE vendors a supplier holds.</summary>
    public const int MaxKeys = 50;

    /// <summary>The longest CPE vendor.</summary>
    public const int MaxVendor = 200;

    /// <summary>The most products a customer is linked to.</summary>
    public const int MaxProducts = 500;

    private readonly List<string> _purlKeys = [];
    private readonly List<string> _cpeVendors = [];
    private readonly List<Guid> _productIds = [];

    private Stakeholder()
    {
        NameJa = string.Empty;
        NameEn = string.Empty;
    }

    /// <summary>Identifier.</summary>
    public Guid Id { get; private set; }
    /// <summary>What kind of stakeholder this is.</summary>
    public StakeholderKind Kind { get; private set; }
    /// <summary>Japanese name.</summary>
    public string NameJa { get; private set; }
    /// <summary>English name.</summary>
    public string NameEn { get; private set; }
    /// <summary>Contact email; null while to be confirmed.</summary>
    public string? Email { get; private set; }
    /// <summary>Phone; null while to be confirmed.</summary>
    public string? Phone { get; private set; }
    /// <summary>Home or contact page.</summary>
    public string? WebPage { get; private set; }
    /// <summary>Preferred language tag ("ja", "en", ...).</summary>
    public string? PreferredLanguage { get; private set; }
    /// <summary>OpenPGP fingerprint, key URL or other encryption note.</summary>
    public string? EncryptionKey { get; private set; }
    /// <summary>Free notes.</summary>
    public string? Notes { get; private set; }
    /// <summary>Supplier package keys in their written form (see <see cref="PurlKey"/>).</summary>
    public IReadOnlyList<string> PurlKeys => _purlKeys;
    /// <summary>Supplier CPE vendors, lowercase.</summary>
    public IReadOnlyList<string> CpeVendors => _cpeVendors;
    /// <summary>Products a customer uses.</summary>
    public IReadOnlyList<Guid> ProductIds => _productIds;

    /// <summary>True for the example portfolio's stakeholders, which <c>demo remove</c> deletes.</summary>
    public bool IsDemo { get; private set; }

    /// <summary>True while neither an email nor a phone number is known: the contact is still to be confirmed.</summary>
    public bool ContactToBeConfirmed => Email is null && Phone is null;

    /// <summary>Creates a stakeholder after checking its details.</summary>
    public static Stakeholder Create(StakeholderKind kind, StakeholderDetails details, bool isDemo = false)
    {
        var stakeholder = new Stakeholder { Id = Guid.CreateVersion7(), Kind = Guard.Defined(kind, nameof(kind)), IsDemo = isDemo };
        stakeholder.Update(details);
        return stakeholder;
    }

    /// <summary>Replaces the contact details.</summary>
    public void Update(StakeholderDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        // Checked before anything changes, so that a refused change leaves the stakeholder as it was.
        var nameJa = Guard.Text(details.NameJa, "nameJa", 200);
        var nameEn = Guard.Text(details.NameEn, "nameEn", 200);
        var email = Guard.OptionalText(details.Email, "email", 254);
        Guard.That(email is null || (MailAddress.TryCreate(email, out var address) && address.Address == email), () => StakeholderErrors.NotAnEmail(email!));
        var phone = Guard.OptionalText(details.Phone, "phone", 50);
        Guard.That(phone is null || phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')' or '.'), StakeholderErrors.NotAPhone);
        var webPage = Guard.OptionalText(details.WebPage, "webPage", 500);
        Guard.That(webPage is null || (Uri.TryCreate(webPage, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"), StakeholderErrors.NotAWebPage);
        var language = Guard.OptionalText(details.PreferredLanguage, "preferredLanguage", 35);
        Guard.That(language is null || language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'), StakeholderErrors.NotALanguageTag);
        var encryptionKey = Guard.OptionalText(details.EncryptionKey, "encryptionKey", 8000);
        var notes = Guard.OptionalText(details.Notes, "notes", 4000);
        (NameJa, NameEn, Email, Phone, WebPage, PreferredLanguage, EncryptionKey, Notes) = (nameJa, nameEn, email, phone, webPage, language, encryptionKey, notes);
    }

    /// <summary>Replaces a supplier's package keys and CPE vendors; other kinds have none.</summary>
    public void SetSupplierKeys(IEnumerable<string> purlKeys, IEnumerable<string> cpeVendors)
    {
        ArgumentNullException.ThrowIfNull(purlKeys);
        ArgumentNullException.ThrowIfNull(cpeVendors);
        var keys = new List<string>();
        foreach (var text in purlKeys.Where(k => !string.IsNullOrWhiteSpace(k)))
        {
            if (!PurlKey.TryParse(text, out var key, out _))
                throw StakeholderErrors.NotAPackageKey(text).Exception();
            keys.Add(key.ToString());
        }
        var vendors = new List<string>();
        foreach (var text in cpeVendors.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            var vendor = text.Trim().ToLowerInvariant();
            Guard.That(vendor.Length <= MaxVendor && !vendor.Any(c => char.IsWhiteSpace(c) || c is ':' or '*' or '?'), () => StakeholderErrors.NotACpeVendor(text, MaxVendor));
            vendors.Add(vendor);
        }
        Guard.That(Kind == StakeholderKind.Supplier || (keys.Count == 0 && vendors.Count == 0), StakeholderErrors.OnlySuppliersHaveKeys);
        Guard.That(keys.Count <= MaxKeys && vendors.Count <= MaxKeys, () => StakeholderErrors.TooManyKeys(MaxKeys));
        _purlKeys.Clear();
        _purlKeys.AddRange(keys.Distinct(StringComparer.OrdinalIgnoreCase));
        _cpeVendors.Clear();
        _cpeVendors.AddRange(vendors.Distinct(StringComparer.Ordinal));
    }

    /// <summary>Links a customer to the products it uses; other kinds link none.</summary>
    public void LinkProducts(IEnumerable<Guid> productIds)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        var ids = productIds.Distinct().ToList();
        Guard.That(Kind == StakeholderKind.Customer || ids.Count == 0, StakeholderErrors.OnlyCustomersHaveProducts);
        Guard.That(ids.Count <= MaxProducts, () => StakeholderErrors.TooManyProducts(MaxProducts));
        _productIds.Clear();
        _productIds.AddRange(ids);
    }

    /// <summary>The name in the given language ("ja" or anything else for English).</summary>
    public string Name(string language) => language.StartsWith("ja", StringComparison.OrdinalIgnoreCase) ? NameJa : NameEn;

    /// <summary>
    /// The coordinators, a regulator and the usual internal departments a new installation starts with. Only names and
    /// well-known home pages: email addresses and phone numbers are left empty, to be confirmed by the PSIRT.
    /// </summary>
    public static IReadOnlyList<Stakeholder> Defaults() =>
    [
        Seed(StakeholderKind.Coordinator, "一般社団法人JPCERTコーディネーションセンター (JPCERT/CC)", "JPCERT Coordination Center (JPCERT/CC)", "https://www.jpcert.or.jp/", "ja"),
        Seed(StakeholderKind.Coordinator, "独立行政法人情報処理推進機構 (IPA)", "Information-technology Promotion Agency, Japan (IPA)", "https://www.ipa.go.jp/", "ja"),
        Seed(StakeholderKind.Coordinator, "CERT コーディネーションセンター (CERT/CC)", "CERT Coordination Center (CERT/CC)", "https://www.kb.cert.org/vuls/", "en"),
        Seed(StakeholderKind.Coordinator, "米国サイバーセキュリティ・社会基盤安全保障庁 (CISA)", "Cybersecurity and Infrastructure Security Agency (CISA)", "https://www.cisa.gov/", "en"),
        Seed(StakeholderKind.Coordinator, "ドイツ連邦情報セキュリティ庁 (BSI / CERT-Bund)", "Federal Office for Information Security (BSI / CERT-Bund)", "https://www.bsi.bund.de/", "de"),
        Seed(StakeholderKind.Coordinator, "英国国家サイバーセキュリティセンター (NCSC)", "National Cyber Security Centre (NCSC, UK)", "https://www.ncsc.gov.uk/", "en"),
        Seed(StakeholderKind.Coordinator, "韓国インターネット振興院 (KrCERT/CC)", "Korea Internet & Security Agency (KrCERT/CC)", "https://www.krcert.or.kr/", "ko"),
        Seed(StakeholderKind.Regulator, "欧州連合サイバーセキュリティ庁 (ENISA)", "European Union Agency for Cybersecurity (ENISA)", "https://www.enisa.europa.eu/", "en"),
        Seed(StakeholderKind.Department, "品質保証部", "Quality Assurance", null, "ja"),
        Seed(StakeholderKind.Department, "法務部", "Legal", null, "ja"),
        Seed(StakeholderKind.Department, "広報部", "Public Relations", null, "ja"),
        Seed(StakeholderKind.Department, "経営層", "Executive Management", null, "ja"),
        Seed(StakeholderKind.Department, "開発部門", "Development", null, "ja"),
        Seed(StakeholderKind.Department, "カスタマーサポート", "Customer Support", null, "ja"),
    ];

    private static Stakeholder Seed(StakeholderKind kind, string nameJa, string nameEn, string? webPage, string language) =>
        Create(kind, new StakeholderDetails(nameJa, nameEn, WebPage: webPage, PreferredLanguage: language));
}
