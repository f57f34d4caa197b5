using System.Net;
using System.Net.Sockets;
using Miner.Host.Admin;
using Miner.Host.Configuration;

namespace Miner.Specs.Admin;

/// <summary>The <c>miner.admin</c> settings and the refusals at the endpoint's start.</summary>
public sealed class AdminSettingsSpecs : AdminSpec
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Fact]
    public void The_shipped_settings_listen_on_loopback_port_9477_with_the_token_under_the_home()
    {
        var settings = MinerSettings.Bind(MinerConfiguration.Build(MinerConfiguration.DefaultsPath, null, NoEnvironment, ["--miner.home=/srv/miner"]));
        Assert.True(settings.Admin.Enabled);
        Assert.Equal(new Uri("http://127.0.0.1:9477/"), settings.Admin.DefaultNode);
        Assert.Equal("/srv/miner/admin.token", settings.Admin.TokenFile);
    }

    [Theory]
    [InlineData("--miner.admin.port=70000", "miner.admin.port")]
    [InlineData("--miner.admin.ask-timeout=10m", "miner.admin.ask-timeout")]
    [InlineData("--miner.admin.host=localhost", "miner.admin.host")]
    public void An_out_of_range_admin_setting_is_refused_naming_its_key(string flag, string key)
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            MinerSettings.Bind(MinerConfiguration.Build(MinerConfiguration.DefaultsPath, null, NoEnvironment, [flag])));
        Assert.Contains(error.Diagnostics, d => d.ToString().Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public void A_port_in_use_is_refused_naming_the_setting()
    {
        StartNode();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var error = Assert.Throws<AdminRefusedException>(() => StartEndpoint(new AdminOptions { Port = port }));
            Assert.StartsWith("miner.admin.port:", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public void A_token_file_readable_by_others_is_refused()
    {
        if (OperatingSystem.IsWindows()) return;
        File.WriteAllText(TokenFile, new string('b', 64) + "\n");
        File.SetUnixFileMode(TokenFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var error = Assert.Throws<AdminRefusedException>(() => AdminToken.LoadOrCreate(TokenFile));

        Assert.Contains("chmod 600", error.Message, StringComparison.Ordinal);
    }
}
