namespace Miner.Host.Devnet;

/// <summary>The devnet's proxy scorer (HOCON <c>devnet.scoring { }</c>); not the subnet's neural scoring.</summary>
public sealed class DevnetScoringOptions
{
    /// <summary>Side of the front-view renders compared (smaller is faster; the validator renders 518).</summary>
    public int RenderSize { get; set; } = 256;

    /// <summary>Rendered opacity above which a pixel counts as the object.</summary>
    public double SilhouetteAlpha { get; set; } = 0.5;

    /// <summary>Mean absolute colour error (0..1) at which the colour factor reaches 0.</summary>
    public double ColourErrorAtZero { get; set; } = 0.5;

    /// <summary>Score of a text-task result that passes validity and render sanity (there is no prompt to compare).</summary>
    public double TextSaneScore { get; set; } = 0.8;

    /// <summary>A text result covering less of the frame than this is treated as empty.</summary>
    public double MinCoverage { get; set; } = 0.005;

    /// <summary>A text result covering more of the frame than this is a frame-filling blob.</summary>
    public double MaxCoverage { get; set; } = 0.9;

    public void Validate()
    {
        if (RenderSize is < 32 or > 1024) throw new ArgumentException("devnet.scoring.render-size must lie in 32..1024");
        if (SilhouetteAlpha is <= 0 or >= 1 || double.IsNaN(SilhouetteAlpha)) throw new ArgumentException("devnet.scoring.silhouette-alpha must lie in (0, 1)");
        if (ColourErrorAtZero is <= 0 or > 1 || double.IsNaN(ColourErrorAtZero)) throw new ArgumentException("devnet.scoring.colour-error-at-zero must lie in (0, 1]");
        if (TextSaneScore is < 0 or > 1 || double.IsNaN(TextSaneScore)) throw new ArgumentException("devnet.scoring.text-sane-score must lie in 0..1");
        if (!(MinCoverage >= 0 && MinCoverage < MaxCoverage && MaxCoverage <= 1)) throw new ArgumentException("devnet.scoring: need 0 <= min-coverage < max-coverage <= 1");
    }
}
