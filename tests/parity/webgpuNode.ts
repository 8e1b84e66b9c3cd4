/**
 * Starts tfjs's WebGPU backend inside Node through Dawn (the `webgpu` package): on Chromium's SwiftShader,
 * a software Vulkan driver, so GPU kernels can be tested on a machine without a GPU (the tests), or on the
 * machine's own GPU when it has one (the benchmark's `--gpu hardware|auto`). Throws with the reason when it
 * cannot: a GPU test must never pass by quietly running on the CPU.
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

/**
 * Which adapter to run on: `software` is SwiftShader (what the tests use: the same everywhere); `hardware`
 * is the machine's own GPU and fails without one; `auto` takes the GPU when Dawn finds one, else SwiftShader.
 */
export type AdapterChoice = 'software' | 'hardware' | 'auto';

/** What ran: the adapter's own words (vendor, architecture, description) and whether it is a software GPU. */
export interface WebGpuAdapter {
  name: string;
  software: boolean;
}

/** Fields of Dawn's `GPUAdapterInfo` that name an adapter. */
type AdapterInfo = { vendor?: string; architecture?: string; device?: string; description?: string };

/** The adapter's name in its own words: vendor, architecture and description, the empty ones left out. */
export function adapterName(info: AdapterInfo): string {
  const head = [info.vendor, info.architecture].filter(Boolean).join(' ');
  const description = info.description || info.device;
  return head && description ? `${head} (${description})` : head || description || 'unnamed adapter';
}

/** Whether an adapter emulates the GPU on the CPU: SwiftShader, Mesa's llvmpipe/lavapipe, Microsoft's WARP. */
export function isSoftwareAdapter(info: AdapterInfo): boolean {
  return /swiftshader|llvmpipe|lavapipe|softpipe|software|basic render|warp|cpu/i.test([info.vendor, info.architecture, info.device, info.description].join(' '));
}

type Gpu = { requestAdapter(options?: object): Promise<{ info: AdapterInfo } | null> };

/** Dawn's entry point, made the page's `navigator.gpu`; Dawn reads VK_ICD_FILENAMES when it is created. */
async function createGpu(): Promise<Gpu> {
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const gpu = create([]) as unknown as Gpu;
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  return gpu;
}

/** The hardware adapter Dawn finds through the system's own Vulkan (Metal, D3D12) drivers, or null. */
async function hardwareAdapter(): Promise<WebGpuAdapter | null> {
  const gpu = await createGpu();
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' }).catch(() => null);
  if (!adapter || isSoftwareAdapter(adapter.info)) return null;
  return { name: adapterName(adapter.info), software: false };
}

async function softwareAdapter(): Promise<WebGpuAdapter> {
  const icd = process.env.VK_ICD_FILENAMES ?? DEFAULT_ICD;
  if (!existsSync(icd)) {
    throw new Error(`no Vulkan ICD at ${icd}: install chromium (apt-get install -y chromium) or set VK_ICD_FILENAMES`);
  }
  process.env.VK_ICD_FILENAMES = icd;
  preloadVulkanLoader(icd);
  const adapter = await (await createGpu()).requestAdapter();
  if (!adapter) throw new Error(`Dawn found no WebGPU adapter (VK_ICD_FILENAMES=${icd})`);
  return { name: adapterName(adapter.info), software: isSoftwareAdapter(adapter.info) };
}

/**
 * Makes `webgpu` the active tfjs backend on the adapter `choice` asks for (SwiftShader by default) and
 * returns the adapter's name. tfjs asks `navigator.gpu` for its own adapter, so the adapter checked here
 * is the kind it gets.
 */
export async function startWebGpuInNode(choice: AdapterChoice = 'software'): Promise<WebGpuAdapter> {
  // A VK_ICD_FILENAMES set by the caller means "this driver": only the software path honours it.
  const hardware = choice !== 'software' && !process.env.VK_ICD_FILENAMES ? await hardwareAdapter() : null;
  if (choice === 'hardware' && !hardware) throw new Error('Dawn found no hardware GPU adapter (is a Vulkan driver installed, and VK_ICD_FILENAMES unset?)');
  const adapter = hardware ?? (await softwareAdapter());
  await import('@tensorflow/tfjs-backend-webgpu');
  // Otherwise tfjs runs tensors under 1000 elements on the CPU, and these are all small.
  tf.env().set('WEBGPU_CPU_FORWARD', false);
  if (!(await tf.setBackend('webgpu'))) throw new Error('tfjs could not start its webgpu backend on Dawn');
  return adapter;
}

/** Makes `webgpu` the active tfjs backend on SwiftShader and returns the adapter's name (the tests). */
export async function useWebGpuInNode(): Promise<string> {
  return (await startWebGpuInNode('software')).name;
}
