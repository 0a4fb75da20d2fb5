using System.Security.Cryptography;
using System.Text;

namespace Shirube.Formats.Oscal;

/// <summary>Name-based UUIDs, version 5 (RFC 9562 §5.5): the same name gives the same UUID.</summary>
internal static class NameBasedUuid
{
    /// <summary>The RFC's namespace for URLs.</summary>
    public static readonly Guid UrlNamespace = new("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    /// <summary>Shirube's namespace for OSCAL exports: the v5 UUID of its namespace URL.</summary>
    public static readonly Guid ShirubeNamespace = Create(UrlNamespace, OscalCatalogWriter.ShirubeNamespace);

    /// <summary>The version 5 UUID of <paramref name="name"/> (UTF-8) in <paramref name="ns"/>.</summary>
    public static Guid Create(Guid ns, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        if (!ns.TryWriteBytes(input.AsSpan(0, 16), bigEndian: true, out _))
            throw new InvalidOperationException("Could not write the namespace UUID.");
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
#pragma warning disable CA5350 // Version 5 UUIDs are defined with SHA-1; this names things, it protects nothing.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
