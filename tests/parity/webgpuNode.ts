/**
 * Starts tfjs's WebGPU backend inside Node through Dawn (the `webgpu` package) on Chromium's SwiftShader,
 * a software Vulkan driver, so GPU kernels can be tested on a machine without a GPU. Throws with the
 * reason when it cannot: a GPU test must never pass by quietly running on the CPU.
 */
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import * as tf from '../../src/core/runtime/tf';

const DEFAULT_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
/** glibc's RTLD_NODELETE, which Node's os.constants.dlopen does not list. */
const RTLD_NODELETE = 0x1000;

/**
 * Dawn opens the Vulkan loader by its name, `libvulkan.so.1`. Debian installs none unless libvulkan1 is
 * present, but Chromium ships one beside its SwiftShader ICD. Loading it by path first, and keeping it
 * loaded, makes Dawn's lookup by name find it. `process.dlopen` then complains that the library is not a
 * Node addon, which is expected.
 */
function preloadVulkanLoader(icd: string): void {
  const loader = join(dirname(icd), 'libvulkan.so.1');
  if (process.platform !== 'linux' || !existsSync(loader)) return;
  try {
    process.dlopen({ exports: {} }, loader, constants.dlopen.RTLD_NOW | constants.dlopen.RTLD_GLOBAL | RTLD_NODELETE);
  } catch (error) {
    if (!String(error).includes('did not self-register')) throw error;
  }
}

/** Makes `webgpu` the active tfjs backend and returns the adapter's description. */
export async function useWebGpuInNode(): Promise<string> {
  const icd = process.env.VK_ICD_FILENAMES ?? DEFAULT_ICD;
  if (!existsSync(icd)) {
    throw new Error(`no Vulkan ICD at ${icd}: install chromium (apt-get install -y chromium) or set VK_ICD_FILENAMES`);
  }
  process.env.VK_ICD_FILENAMES = icd;
  preloadVulkanLoader(icd);
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const gpu = create([]);
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new Error(`Dawn found no WebGPU adapter (VK_ICD_FILENAMES=${icd})`);
  await import('@tensorflow/tfjs-backend-webgpu');
  // Otherwise tfjs runs tensors under 1000 elements on the CPU, and these are all small.
  tf.env().set('WEBGPU_CPU_FORWARD', false);
  if (!(await tf.setBackend('webgpu'))) throw new Error('tfjs could not start its webgpu backend on Dawn');
  return `${adapter.info.vendor} ${adapter.info.architecture} (${adapter.info.description})`;
}
