namespace Miner.Models.Splats;

/// <summary>
/// What <see cref="ActivatedSplatEncoder"/> had to do: rows dropped for a non-finite position, colour, rotation or
/// SH value or a NaN alpha or scale; alphas clamped into [eps, 1 - eps] (+-inf and out-of-range included); scales
/// clamped into [min, max]; zero quaternions replaced by the identity.
/// </summary>
public sealed record RepairReport(int Input, int Written, int DroppedNonFinite, int OpacitiesClamped, int ScalesClamped, int ZeroRotationsReplaced)
{
    public bool Clean => DroppedNonFinite == 0 && ZeroRotationsReplaced == 0;
}
