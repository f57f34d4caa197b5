using System.Globalization;
using System.Text.Json;
using Miner.Models.Splats;
using Miner.Models.Validation;

namespace Miner.Host.Commands.Render;

/// <summary>
/// <c>miner gate FILE [--json]</c>: the self-validation gate's verdict on a .ply or .spz with its reasons and figures.
/// Exit 0 submit, 2 retry, 3 decline, 1 unreadable.
/// </summary>
public sealed class GateCommand(SplatOptions splats, SelfValidationOptions gate)
{
    public int Run(string path, bool json, TextWriter stdout, TextWriter stderr)
    {
        GateVerdict verdict;
        try
        {
            var cloud = SplatFile.Load(path, splats.Read, splats.Threads).Cloud;
            verdict = new SelfValidationGate(gate, splats.ValidatorCheck).Evaluate(cloud, CancellationToken.None);
        }
        catch (Exception error) when (error is SplatFormatException or IOException or UnauthorizedAccessException
                                          or DllNotFoundException or ArgumentException or InvalidDataException
                                          or InvalidOperationException)
        {
            stderr.WriteLine($"error: {error.Message}");
            return 1;
        }

        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                file = path,
                decision = verdict.Decision.ToString().ToLowerInvariant(),
                reasons = verdict.Reasons,
                figures = verdict.Figures.ToDictionary(f => f.Key, f => double.IsFinite(f.Value) ? Math.Round(f.Value, 5) : (double?)null),
            }));
        }
        else
        {
            stdout.WriteLine($"{path}: {verdict.Decision.ToString().ToLowerInvariant()}");
            foreach (var reason in verdict.Reasons) stdout.WriteLine($"  - {reason}");
            foreach (var (name, value) in verdict.Figures)
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-24} {value:0.#####}"));
        }
        return verdict.Decision switch { GateDecision.Submit => 0, GateDecision.Retry => 2, _ => 3 };
    }
}
