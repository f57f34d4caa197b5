using Miner.Models.Configuration.Rules;

namespace Miner.Models.Validation;

/// <summary>Settings of the self-validation gate (HOCON <c>miner.gate</c>).</summary>
public sealed class SelfValidationOptions : IValidatedOptions
{
    /// <summary>Production views rendered, spread evenly from view 1 (4 gives the grid views 1, 5, 9, 13); 1..15.</summary>
    [Between(1, 15)]
    public int Views { get; set; } = 4;

    /// <summary>
    /// Side of the gate's renders in pixels. Coverage shares and centre offsets are resolution-independent (same field
    /// of view), so 256 px measures what 518 px would at about a quarter of the pixel work.
    /// </summary>
    [Between(32, 2048)]
    public int ImageSize { get; set; } = 256;

    /// <summary>A pixel counts as covered when the accumulated opacity 1 - T reaches this (0..1).</summary>
    [Between(0, 1, MinExclusive = true)]
    public double CoveredAlpha { get; set; } = 0.5;

    /// <summary>Below this mean share of covered pixels over the views the object is invisible or tiny: retry.</summary>
    [Between(0, 1)]
    public double MinCoverage { get; set; } = 0.01;

    /// <summary>
    /// Above this share of covered pixels in any view the object is a blob filling the frame: retry. A solid cube filling
    /// the normalised 1.5 box covers 75-82 % of a production view, so more than 85 % needs splats reaching beyond the box.
    /// </summary>
    [Between(0, 1)]
    public double MaxCoverage { get; set; } = 0.85;

    /// <summary>
    /// Above this distance between the covered pixels' centroid and the image centre, as a share of the image side,
    /// in any view, the object is far off-centre: retry.
    /// </summary>
    [Between(0, 1)]
    public double MaxCentreOffset { get; set; } = 0.2;

    /// <summary>Threads for the SPZ round trip of the validity check and the renders; 0 means all cores.</summary>
    [NotNegative(Max = "1024")]
    public int Threads { get; set; }

    public IEnumerable<(string Key, string Problem)> Problems()
    {
        if (MinCoverage >= MaxCoverage) yield return ("min-coverage", $"{MinCoverage} leaves nothing below max-coverage ({MaxCoverage}): every result would be retried");
    }
}
