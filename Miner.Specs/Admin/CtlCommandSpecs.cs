using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Miner.Specs.Admin;

/// <summary>`miner ctl` in process against a node's admin endpoint.</summary>
public sealed class CtlCommandSpecs : AdminSpec
{
    [Fact]
    public void Validators_prints_an_aligned_table_with_one_row_per_validator()
    {
        StartNode(validators: 3);
        Advance(TimeSpan.FromMinutes(10));

        var (exit, output, error) = Ctl("validators");

        Assert.True(exit == 0, error);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.StartsWith("UID", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Equal(lines[0].IndexOf("HOTKEY", StringComparison.Ordinal), lines[1].IndexOf("hk0", StringComparison.Ordinal));
        Assert.Equal(lines[0].IndexOf("PULLS", StringComparison.Ordinal), lines[3].IndexOf(
            Validators.Single(v => v.Hotkey == "hk2").TasksHandedOut.ToString(System.Globalization.CultureInfo.InvariantCulture), lines[0].IndexOf("PULLS", StringComparison.Ordinal), StringComparison.Ordinal));
    }

    [Fact]
    public void Json_prints_the_endpoints_document()
    {
        StartNode(validators: 3);

        var (exit, output, _) = Ctl("validators", "--json");

        Assert.Equal(0, exit);
        Assert.Equal(3, JsonDocument.Parse(output).RootElement.GetProperty("validators").GetArrayLength());
    }

    [Fact]
    public void Actor_hierarchy_prints_the_tree_under_a_relative_path()
    {
        StartNode(validators: 2);

        var (exit, output, _) = Ctl("actor", "hierarchy", "pollers");

        Assert.Equal(0, exit);
        Assert.Contains("/user/miner/pollers/v-hk1", output, StringComparison.Ordinal);
        Assert.DoesNotContain("/user/miner/router", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Blacklist_add_then_list_shows_the_ban_and_remove_lifts_it()
    {
        StartNode();

        var add = Ctl("blacklist", "add", "1", "--for", "3h", "--reason", "slow answers");
        var list = Ctl("blacklist", "list");
        var remove = Ctl("blacklist", "remove", "1");

        Assert.True(add.Exit == 0, add.Error);
        Assert.Contains("manual: slow answers", list.Out, StringComparison.Ordinal);
        Assert.Contains("hk1", list.Out, StringComparison.Ordinal);
        Assert.Equal(0, remove.Exit);
        Assert.DoesNotContain("hk1", Ctl("blacklist", "list").Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Drain_stops_the_pulls_and_resume_starts_them_again()
    {
        StartNode(validators: 20);
        Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, Ctl("drain").Exit);
        Advance(TimeSpan.FromMinutes(2));
        var pulled = Validators.Sum(v => v.TasksHandedOut);
        Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(pulled, Validators.Sum(v => v.TasksHandedOut));

        Assert.Equal(0, Ctl("resume").Exit);

        Advance(TimeSpan.FromMinutes(20));
        Assert.True(Validators.Sum(v => v.TasksHandedOut) > pulled, "no pull after resume");
    }

    [Fact]
    public void An_unreachable_node_exits_2_with_one_line()
    {
        StartNode();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, _, error) = CtlAt($"http://127.0.0.1:{port}/", TokenFile, "validators");

        Assert.Equal(2, exit);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_wrong_token_exits_1_with_one_line()
    {
        StartNode();
        var wrong = Path.Combine(Folder, "wrong.token");
        File.WriteAllText(wrong, new string('a', 64) + "\n");

        var (exit, _, error) = CtlAt(Endpoint.Address.ToString(), wrong, "gpus");

        Assert.Equal(1, exit);
        Assert.Contains("401", Assert.Single(error.TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_request_exits_1()
    {
        StartNode();

        var (exit, _, error) = Ctl("blacklist", "add", "1", "--for", "soon");

        Assert.Equal(1, exit);
        Assert.Contains("400", error, StringComparison.Ordinal);
    }
}
