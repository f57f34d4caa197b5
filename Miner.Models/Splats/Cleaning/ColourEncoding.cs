namespace Miner.Models.Splats;

/// <summary>How a backend hands over colour: activated RGB (0.5 + C0 * f_dc) or the SH DC coefficient itself.</summary>
public enum ColourEncoding
{
    Rgb,
    ShDc,
}
