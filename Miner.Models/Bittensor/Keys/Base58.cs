namespace Miner.Models.Bittensor.Keys;

/// <summary>Base58 with the Bitcoin alphabet, big-endian, one '1' per leading zero byte.</summary>
internal static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0) zeros++;
        // log(256)/log(58) < 1.37 digits per byte.
        var digits = new byte[data.Length * 137 / 100 + 1];
        var length = 0;
        foreach (var b in data[zeros..])
        {
            var carry = (int)b;
            for (var i = 0; i < length; i++)
            {
                carry += digits[i] << 8;
                digits[i] = (byte)(carry % 58);
                carry /= 58;
            }
            while (carry > 0)
            {
                digits[length++] = (byte)(carry % 58);
                carry /= 58;
            }
        }
        var chars = new char[zeros + length];
        chars.AsSpan(0, zeros).Fill('1');
        for (var i = 0; i < length; i++) chars[zeros + i] = Alphabet[digits[length - 1 - i]];
        return new string(chars);
    }

    /// <summary>Decodes, or returns the index of the first character outside the alphabet.</summary>
    public static byte[]? Decode(string text, out int invalidIndex)
    {
        invalidIndex = -1;
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1') zeros++;
        // log(58)/log(256) < 0.74 bytes per digit.
        var bytes = new byte[text.Length * 74 / 100 + 1];
        var length = 0;
        for (var c = zeros; c < text.Length; c++)
        {
            var carry = Alphabet.IndexOf(text[c], StringComparison.Ordinal);
            if (carry < 0)
            {
                invalidIndex = c;
                return null;
            }
            for (var i = 0; i < length; i++)
            {
                carry += bytes[i] * 58;
                bytes[i] = (byte)carry;
                carry >>= 8;
            }
            while (carry > 0)
            {
                bytes[length++] = (byte)carry;
                carry >>= 8;
            }
        }
        var result = new byte[zeros + length];
        for (var i = 0; i < length; i++) result[zeros + i] = bytes[length - 1 - i];
        return result;
    }
}
