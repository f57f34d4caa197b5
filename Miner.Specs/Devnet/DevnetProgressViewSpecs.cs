using Miner.Actors.Generation;
using Miner.Host.Commands.Devnet;
using Miner.Host.Devnet;
using Miner.Models.Protocol;

namespace Miner.Specs.Devnet;

/// <summary>How `miner devnet` shows progress: the table redrawn in place on a terminal, settled-task lines elsewhere.</summary>
public sealed class DevnetProgressViewSpecs
{
    private const string Escape = "\u001b[";

    private static readonly DevnetSettledTask Accepted = new("img-1", 0, TaskKind.Image, DevnetTaskOutcome.Accepted, 0.8234, TimeSpan.FromSeconds(12.34));
    private static readonly DevnetSettledTask Declined = new("txt-2", 1, TaskKind.Text, DevnetTaskOutcome.Declined, null, TimeSpan.FromSeconds(3.01));
    private static readonly DevnetSettledTask Penalised = new("img-3", 3, TaskKind.Image, DevnetTaskOutcome.Penalised, 0, TimeSpan.FromSeconds(20));

    private static DevnetSnapshot Snapshot(int validators, params DevnetSettledTask[] settled)
    {
        var stats = new DevnetValidatorStatsSnapshot(1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0);
        var rows = Enumerable.Range(0, validators)
            .Select(uid => new DevnetValidatorRow(new DevnetValidatorStatus(uid, $"hk{uid}", 9000 + uid, "normal", stats), null, null))
            .ToList();
        return new DevnetSnapshot(TimeSpan.FromSeconds(settled.Length), rows, [new GpuStatus("gpu-0", true, null, null, 0, 0, 0, 0, 0)],
            0, 0, settled, settled.Length, 3, 0);
    }

    private static int LineCount(DevnetSnapshot snapshot) => DevnetStatusTable.Render(snapshot).Split('\n').Length - 1;

    [Fact]
    public void The_table_redraws_in_place_without_clearing_the_screen()
    {
        var output = new StringWriter();
        var table = DevnetProgressViews.Create(DevnetOutputMode.LiveTable, output);
        var first = Snapshot(4);
        table.Show(first);
        var drawnFirst = output.ToString();
        table.Show(Snapshot(4, Accepted));

        var redraw = output.ToString()[drawnFirst.Length..];
        Assert.StartsWith($"\r{Escape}{LineCount(first)}A", redraw);
        Assert.All(redraw.Split(output.NewLine)[..^1], line => Assert.EndsWith($"{Escape}K", line));
        Assert.DoesNotContain($"{Escape}2J", output.ToString());
        Assert.DoesNotContain($"{Escape}3J", output.ToString());
        Assert.DoesNotContain("\u001bc", output.ToString());
    }

    [Fact]
    public void A_shorter_table_erases_the_rows_left_below_it()
    {
        var output = new StringWriter();
        var table = new DevnetLiveTable(output);
        table.Show(Snapshot(4));
        table.Show(Snapshot(2));
        Assert.EndsWith($"{output.NewLine}{Escape}J", output.ToString());
    }

    [Fact]
    public void Table_lines_are_cut_to_the_terminal_width_so_the_cursor_moves_over_whole_rows()
    {
        var output = new StringWriter();
        new DevnetLiveTable(output, width: 40).Show(Snapshot(4));
        Assert.All(output.ToString().Split(output.NewLine)[..^1], line => Assert.True(line.Length - $"{Escape}K".Length <= 39, line));
    }

    [Fact]
    public void Redirected_output_gets_one_line_per_settled_task()
    {
        var output = new StringWriter(); // not the console: Auto must not draw the table
        var view = DevnetProgressViews.Create(DevnetOutputMode.Auto, output);
        view.Show(Snapshot(4));
        view.Show(Snapshot(4, Accepted));
        view.Show(Snapshot(4, Accepted));
        view.Show(Snapshot(4, Accepted, Declined, Penalised));

        Assert.Equal(
        [
            "settled 1/3  task img-1  uid 0  image  accepted  score 0.823  12.3 s",
            "settled 2/3  task txt-2  uid 1  text  declined  score -  3.0 s",
            "settled 3/3  task img-3  uid 3  image  penalised  score 0.000  20.0 s",
        ], output.ToString().Split(output.NewLine)[..^1]);
    }

    [Fact]
    public void Redirected_output_gets_no_escape_sequences()
    {
        var output = new StringWriter();
        var view = DevnetProgressViews.Create(DevnetOutputMode.Auto, output);
        view.Show(Snapshot(4, Accepted));
        view.Show(Snapshot(4, Accepted, Declined));
        Assert.DoesNotContain('\u001b', output.ToString());
    }
}
