using Shirube.Domain.Versions;

namespace Shirube.Domain.Tests.Versions;

/// <summary>Real release sequences, beyond the OSV fixtures, that each scheme must sort exactly in release order.</summary>
public sealed class VersionHistoryTests
{
    /// <summary>Versions of one package in an ecosystem, oldest first.</summary>
    public sealed record History(string Ecosystem, string What, string[] Versions)
    {
        public override string ToString() => $"{Ecosystem}: {What} sort in release order";
    }

    public static TheoryData<History> Histories => new(
        new History("Debian", "openssl from buster to bookworm security updates (backports with ~ sort first)",
            ["1.1.1n-0+deb10u3", "1.1.1n-0+deb11u1", "1.1.1n-0+deb11u3", "1.1.1w-0+deb11u1", "3.0.9-1", "3.0.11-1~deb12u1", "3.0.11-1~deb12u2", "3.0.11-1", "3.0.13-1~deb12u1", "3.0.15-1~deb12u1", "3.0.16-1~deb12u1"]),
        new History("Debian", "bind9 with its epoch, which outranks any upstream version",
            ["9.99.99-1", "1:9.11.5.P4+dfsg-5.1+deb10u9", "1:9.16.44-1~deb11u1", "1:9.18.19-1~deb12u1", "1:9.18.24-1", "1:9.18.28-1~deb12u2"]),
        new History("Ubuntu", "openssl in jammy (22.04) security updates",
            ["3.0.2-0ubuntu1", "3.0.2-0ubuntu1.1", "3.0.2-0ubuntu1.2", "3.0.2-0ubuntu1.9", "3.0.2-0ubuntu1.10", "3.0.2-0ubuntu1.15", "3.0.2-0ubuntu1.18"]),
        new History("Alpine", "busybox revisions (-rN by value)",
            ["1.35.0-r17", "1.35.0-r29", "1.36.1-r0", "1.36.1-r2", "1.36.1-r5", "1.36.1-r15", "1.36.1-r29", "1.37.0-r0"]),
        new History("Alpine", "openssl 1.1.1 letter releases",
            ["1.1.1s-r0", "1.1.1t-r0", "1.1.1t-r2", "1.1.1u-r0", "1.1.1v-r0", "1.1.1w-r0", "3.0.8-r0"]),
        new History("Alpine", "openssh portable releases (_p suffixes)",
            ["8.8_p1-r1", "9.0_p1-r2", "9.1_p1-r2", "9.3_p1-r0", "9.3_p2-r0", "9.4_p1-r0", "9.6_p1-r0", "9.7_p1-r4"]),
        new History("Red Hat", "openssl in RHEL 7 (epoch 1)",
            ["1:1.0.1e-60.el7", "1:1.0.2k-16.el7", "1:1.0.2k-19.el7", "1:1.0.2k-21.el7_9", "1:1.0.2k-25.el7_9", "1:1.0.2k-26.el7_9"]),
        new History("Red Hat", "kernel in RHEL 8 (z-stream releases after the GA one)",
            ["4.18.0-348.el8", "4.18.0-348.2.1.el8_5", "4.18.0-372.9.1.el8", "4.18.0-425.3.1.el8", "4.18.0-477.10.1.el8_8", "4.18.0-513.5.1.el8_9"]),
        new History("SUSE", "openssl-1_1 maintenance updates",
            ["1.1.1d-2.3.1", "1.1.1d-2.20.1", "1.1.1d-2.46.1", "1.1.1l-150400.7.3.1", "1.1.1l-150400.7.28.1", "1.1.1l-150500.17.25.1"]),
        new History("PyPI", "Django prereleases, releases and patch releases",
            ["3.2.25", "4.0a1", "4.0b1", "4.0rc1", "4.0", "4.0.1", "4.0.10", "4.1a1", "4.1", "4.2a1", "4.2b1", "4.2rc1", "4.2", "4.2.1", "5.0"]),
        new History("PyPI", "html5lib's 0.99… versions before 1.0b10",
            ["0.999", "0.9999999", "0.99999999", "0.999999999", "1.0b8", "1.0b10", "1.0.1"]),
        new History("PyPI", "PEP 440's own example order (dev, pre, post, local)",
            ["1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12", "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0", "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1"]),
        new History("Maven", "Spring Framework 4 (M, RC, RELEASE qualifiers)",
            ["3.2.18.RELEASE", "4.0.0.M1", "4.0.0.M3", "4.0.0.RC1", "4.0.0.RC2", "4.0.0.RELEASE", "4.0.1.RELEASE", "4.3.30.RELEASE"]),
        new History("Maven", "Spring Framework 5 and 6 (-M, -RC)",
            ["5.3.0-M1", "5.3.0-M2", "5.3.0-RC1", "5.3.0-RC2", "5.3.0", "5.3.1", "5.3.39", "6.0.0-M1", "6.0.0-M6", "6.0.0-RC1", "6.0.0", "6.0.23", "6.1.0"]),
        new History("Maven", "log4j-core 2 (alpha, beta, rc, then the Log4Shell fixes)",
            ["2.0-alpha1", "2.0-alpha2", "2.0-beta1", "2.0-beta9", "2.0-rc1", "2.0-rc2", "2.0", "2.0.1", "2.0.2", "2.14.1", "2.15.0", "2.16.0", "2.17.0", "2.17.1", "2.17.2"]),
        new History("npm", "lodash security fixes",
            ["4.17.4", "4.17.5", "4.17.11", "4.17.15", "4.17.19", "4.17.20", "4.17.21"]),
        new History("npm", "next.js canaries before their release",
            ["13.3.4", "13.4.0", "13.4.1-canary.0", "13.4.1-canary.1", "13.4.1-canary.2", "13.4.1", "13.4.2"]),
        new History("Go", "golang.org/x/net pseudo-versions before tagged releases",
            ["0.0.0-20190620200207-3b0461eec859", "v0.0.0-20210226172049-e18ecbb05110", "v0.0.0-20220722155237-a158d28d115b", "v0.7.0", "v0.17.0", "v0.23.0"]),
        new History("Go", "github.com/docker/docker +incompatible releases",
            ["v1.13.1", "v17.12.0-ce+incompatible", "v20.10.0-beta1+incompatible", "v20.10.0+incompatible", "v20.10.24+incompatible", "v23.0.0+incompatible"]),
        new History("crates.io", "tokio",
            ["0.1.22", "1.0.0", "1.8.4", "1.18.5", "1.20.4", "1.38.2", "1.44.2"]),
        new History("RubyGems", "rails 7.0 prereleases and patch releases",
            ["6.1.7.10", "7.0.0.alpha1", "7.0.0.alpha2", "7.0.0.rc1", "7.0.0.rc3", "7.0.0", "7.0.4.3", "7.0.8.1", "7.1.0.beta1", "7.1.0"]),
        new History("NuGet", "Newtonsoft.Json",
            ["9.0.1", "11.0.2", "12.0.1", "12.0.3", "13.0.1-beta1", "13.0.1", "13.0.2", "13.0.3"]),
        new History("NuGet", "System.Text.Json 8 previews and release candidates",
            ["7.0.4", "8.0.0-preview.1.23110.8", "8.0.0-preview.7.23375.6", "8.0.0-rc.1.23419.4", "8.0.0-rc.2.23479.6", "8.0.0", "8.0.4", "8.0.5"]),
        new History("Packagist", "symfony/http-kernel",
            ["v4.4.50", "v5.4.0-BETA1", "v5.4.0-RC1", "v5.4.0", "v5.4.20", "v6.0.0-BETA1", "v6.0.0", "v6.4.14"]),
        new History("Pub", "http",
            ["0.12.2", "0.13.0-nullsafety.0", "0.13.0-nullsafety.1", "0.13.0", "0.13.6", "1.0.0", "1.2.1"]),
        new History("Hex", "phoenix",
            ["1.6.16", "1.7.0-rc.0", "1.7.0-rc.1", "1.7.0-rc.3", "1.7.0", "1.7.14"]),
        new History("Hackage", "aeson",
            ["1.5.6.0", "2.0.0.0", "2.0.3.0", "2.1.0.0", "2.1.2.1", "2.2.3.0"]),
        new History("CRAN", "Matrix (dash-separated versions)",
            ["1.4-1", "1.5-1", "1.5-4", "1.5-4.1", "1.6-0", "1.6-1.1", "1.6-5", "1.7-0"]));

    [Theory]
    [MemberData(nameof(Histories))]
    public void A_real_release_history_sorts_in_release_order(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        Assert.True(VersionSchemes.TryFor(history.Ecosystem, out var scheme));
        var parsed = history.Versions.Select(scheme.Parse).ToList();
        var sorted = parsed.OrderBy(v => v, Comparer<SchemeVersion>.Create((x, y) => x.CompareTo(y))).Select(v => v.Text);
        Assert.Equal(history.Versions, sorted);
        for (var i = 0; i + 1 < parsed.Count; i++)
            Assert.True(parsed[i].CompareTo(parsed[i + 1]) < 0, $"{parsed[i]} must come before {parsed[i + 1]}.");
    }
}
