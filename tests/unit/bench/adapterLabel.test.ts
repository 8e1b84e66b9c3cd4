/**
 * The benchmark's WebGPU rows name the adapter they ran on: a software GPU (SwiftShader, llvmpipe, WARP)
 * must never pass for a real one, and a real one is named by its vendor and architecture.
 */
import { describe, expect, it } from 'vitest';
import { webGpuLabel } from '../../../bench/nodeBackends';
import { adapterName, isSoftwareAdapter } from '../../parity/webgpuNode';

describe('WebGPU adapter labels in the benchmark', () => {
  const swiftShader = { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader driver 5.0.0' };
  const h200 = { vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H200' };

  it('tells software GPUs from hardware ones', () => {
    expect(isSoftwareAdapter(swiftShader)).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'microsoft', description: 'Microsoft Basic Render Driver' })).toBe(true);
    expect(isSoftwareAdapter(h200)).toBe(false);
    expect(isSoftwareAdapter({ vendor: 'apple', architecture: 'metal-3', description: 'Apple M2' })).toBe(false);
  });

  it('names the adapter by vendor, architecture and description, leaving out empty fields', () => {
    expect(adapterName(h200)).toBe('nvidia hopper (NVIDIA H200)');
    expect(adapterName({ vendor: 'intel', description: '' })).toBe('intel');
    expect(adapterName({})).toBe('unnamed adapter');
  });

  it('labels the table row software GPU or by the hardware', () => {
    expect(webGpuLabel({ name: adapterName(swiftShader), software: true })).toBe('webgpu (software GPU)');
    expect(webGpuLabel({ name: adapterName(h200), software: false })).toBe('webgpu (nvidia hopper)');
  });
});
