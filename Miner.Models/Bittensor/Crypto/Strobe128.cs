namespace Miner.Models.Bittensor.Crypto;

/// <summary>
/// The subset of STROBE-128 (v1.0.2) that Merlin transcripts use: meta-AD, AD, PRF and KEY, with
/// the "more" continuation flag. Transport and MAC operations are never needed here.
/// </summary>
internal sealed class Strobe128
{
    private const int Rate = 166;
    private const byte FlagI = 0x01, FlagA = 0x02, FlagC = 0x04, FlagM = 0x10, FlagK = 0x20;

    private readonly byte[] _state;
    private int _pos;
    private byte _posBegin;
    private byte _curFlags;

    public Strobe128(ReadOnlySpan<byte> protocolLabel)
    {
        _state = new byte[KeccakF1600.StateBytes];
        ReadOnlySpan<byte> header = [1, Rate + 2, 1, 0, 1, 96];
        header.CopyTo(_state);
        "STROBEv1.0.2"u8.CopyTo(_state.AsSpan(6));
        KeccakF1600.Permute(_state);
        MetaAd(protocolLabel, more: false);
    }

    private Strobe128(Strobe128 other)
    {
        _state = (byte[])other._state.Clone();
        _pos = other._pos;
        _posBegin = other._posBegin;
        _curFlags = other._curFlags;
    }

    public Strobe128 Clone() => new(this);

    public void MetaAd(ReadOnlySpan<byte> data, bool more)
    {
        BeginOp(FlagM | FlagA, more);
        Absorb(data);
    }

    public void Ad(ReadOnlySpan<byte> data, bool more)
    {
        BeginOp(FlagA, more);
        Absorb(data);
    }

    public void Prf(Span<byte> output, bool more)
    {
        BeginOp(FlagI | FlagA | FlagC, more);
        Squeeze(output);
    }

    public void Key(ReadOnlySpan<byte> data, bool more)
    {
        BeginOp(FlagA | FlagC, more);
        Overwrite(data);
    }

    /// <summary>Zeroes the state; used when a clone held secret witness material.</summary>
    public void Clear()
    {
        Array.Clear(_state);
        _pos = _posBegin = _curFlags = 0;
    }

    private void RunF()
    {
        _state[_pos] ^= _posBegin;
        _state[_pos + 1] ^= 0x04;
        _state[Rate + 1] ^= 0x80;
        KeccakF1600.Permute(_state);
        _pos = 0;
        _posBegin = 0;
    }

    private void Absorb(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            _state[_pos++] ^= b;
            if (_pos == Rate) RunF();
        }
    }

    private void Overwrite(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            _state[_pos++] = b;
            if (_pos == Rate) RunF();
        }
    }

    private void Squeeze(Span<byte> output)
    {
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = _state[_pos];
            _state[_pos++] = 0;
            if (_pos == Rate) RunF();
        }
    }

    private void BeginOp(byte flags, bool more)
    {
        if (more)
        {
            if (flags != _curFlags)
                throw new InvalidOperationException($"STROBE continuation with flags 0x{flags:x2} after 0x{_curFlags:x2}");
            return;
        }
        var oldBegin = _posBegin;
        _posBegin = (byte)(_pos + 1);
        _curFlags = flags;
        Absorb([oldBegin, flags]);
        if ((flags & (FlagC | FlagK)) != 0 && _pos != 0) RunF();
    }
}
