namespace Shirube.Domain.Stakeholders;

/// <summary>The refusals of the stakeholder registry and the supplier lookup, as codes the web layer says in Japanese or English.</summary>
public static class StakeholderErrors
{
    private const string Prefix = "Stakeholders";

    /// <summary><paramref name="email"/> is not an email address.</summary>
    public static DomainError NotAnEmail(string email) => DomainError.Invalid(DomainError.CodeOf(Prefix), "email", email);

    /// <summary>A phone number with characters other than digits, spaces and + - ( ) .</summary>
    public static DomainError NotAPhone() => DomainError.Invalid(DomainError.CodeOf(Prefix), "phone");

    /// <summary>The web page is not an http or https address.</summary>
    public static DomainError NotAWebPage() => DomainError.Invalid(DomainError.CodeOf(Prefix), "webPage");

    /// <summary>The preferred language is not a language tag.</summary>
    public static DomainError NotALanguageTag() => DomainError.Invalid(DomainError.CodeOf(Prefix), "preferredLanguage");

    /// <summary><paramref name="key"/> is not a package key (<c>pkg:type/namespace</c>, optionally the start of a name).</summary>
    public static DomainError NotAPackageKey(string key) => DomainError.Invalid(DomainError.CodeOf(Prefix), "purlKeys", key);

    /// <summary><paramref name="vendor"/> is not a CPE vendor (a single name, at most <paramref name="max"/> characters).</summary>
    public static DomainError NotACpeVendor(string vendor, int max) => DomainError.Invalid(DomainError.CodeOf(Prefix), "cpeVendors", vendor, max);

    /// <summary>Package keys or CPE vendors on a stakeholder that is not a supplier.</summary>
    public static DomainError OnlySuppliersHaveKeys() => DomainError.Invalid(DomainError.CodeOf(Prefix), "purlKeys");

    /// <summary>More than <paramref name="max"/> package keys or CPE vendors.</summary>
    public static DomainError TooManyKeys(int max) => DomainError.Invalid(DomainError.CodeOf(Prefix), "purlKeys", max);

    /// <summary>Products linked to a stakeholder that is not a customer.</summary>
    public static DomainError OnlyCustomersHaveProducts() => DomainError.Invalid(DomainError.CodeOf(Prefix), "productIds");

    /// <summary>More than <paramref name="max"/> products.</summary>
    public static DomainError TooManyProducts(int max) => DomainError.Invalid(DomainError.CodeOf(Prefix), "productIds", max);

    /// <summary>A change of a stakeholder's kind (add a new one instead).</summary>
    public static DomainError KindCannotChange() => DomainError.Invalid(DomainError.CodeOf(Prefix), "kind");

    /// <summary>A linked product that does not exist.</summary>
    public static DomainError UnknownProduct(Guid id) => DomainError.Invalid(DomainError.CodeOf(Prefix), "productIds", id);

    /// <summary>A lookup without a purl or a CPE, or with both; <paramref name="field"/> is the one to give or to leave out.</summary>
    public static DomainError PurlOrCpe(string field) => DomainError.Invalid(DomainError.CodeOf(Prefix), field);

    /// <summary><paramref name="purl"/> is not a package URL.</summary>
    public static DomainError NotAPurl(string purl) => DomainError.Invalid(DomainError.CodeOf(Prefix), "purl", purl);

    /// <summary><paramref name="cpe"/> is not a CPE name.</summary>
    public static DomainError NotACpe(string cpe) => DomainError.Invalid(DomainError.CodeOf(Prefix), "cpe", cpe);

    /// <summary>No stakeholder <paramref name="id"/>.</summary>
    public static DomainError NotFound(Guid id) => DomainError.NotFound(DomainError.CodeOf(Prefix), id);
}
