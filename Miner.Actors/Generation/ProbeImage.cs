using Miner.Models.Imaging;

namespace Miner.Actors.Generation;

/// <summary>
/// The built-in picture an unhealthy card's probe sends through its mask and image-to-3D backends: a small orange
/// disc on a white background, enough for any backend to find an object and produce gaussians.
/// </summary>
public static class ProbeImage
{
    public const int Size = 64;

    public static RgbaImage Create()
    {
        var image = new RgbaImage(Size, Size);
        const double centre = (Size - 1) / 2.0, radius = Size * 0.3;
        for (var y = 0; y < Size; y++)
        for (var x = 0; x < Size; x++)
        {
            var inside = (x - centre) * (x - centre) + (y - centre) * (y - centre) <= radius * radius;
            if (inside) image.SetPixel(x, y, 230, 120, 30);
            else image.SetPixel(x, y, 255, 255, 255);
        }
        return image;
    }
}
