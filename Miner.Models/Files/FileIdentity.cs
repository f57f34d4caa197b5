namespace Miner.Models.Files;

/// <summary>Device and inode: two paths with the same identity are the same file, whatever links lead there.</summary>
public readonly record struct FileIdentity(uint DeviceMajor, uint DeviceMinor, ulong Inode);
