using Miner.Models.Configuration.Rules;

namespace Miner.Host.Devnet;

/// <summary>The devnet's proxy scorer (HOCON <c>devnet.scoring { }</c>); not the subnet's neural scoring.</summary>
public sealed class DevnetScoringOptions : IValidatedOptions
{
    /// <summary>Side of the front-view renders compared (smaller is faster; the validator renders 518).</summary>
    [Between(32, 1024)]
    public int RenderSize { get; set; } = 256;

    /// <summary>Rendered opacity above which a pixel counts as the object.</summary>
    [Between(0, 1, MinExclusive = true, MaxExclusive = true)]
    public double SilhouetteAlpha { get; set; } = 0.5;

    /// <summary>Mean absolute colour error (0..1) at which the colour factor reaches 0.</summary>
    [Between(0, 1, MinExclusive = true)]
    public double ColourErrorAtZero { get; set; } = 0.5;

    /// <summary>Score of a text-task result that passes validity and render sanity (there is no prompt to compare).</summary>
    [Between(0, 1)]
    public double TextSaneScore { get; set; } = 0.8;

    /// <summary>A text result covering less of the frame than this is treated as empty.</summary>
    [Between(0, 1)]
    public double MinCoverage { get; set; } = 0.005;

    /// <summary>A text result covering more of the frame than this is a frame-filling blob.</summary>
    [Between(0, 1)]
    public double MaxCoverage { get; set; } = 0.9;

    public void Validate() => SettingRules.ThrowIfInvalid(this, "devnet.scoring");

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (MinCoverage >= MaxCoverage) yield return ("min-coverage", $"{MinCoverage} is not below max-coverage ({MaxCoverage})");
    }
}
