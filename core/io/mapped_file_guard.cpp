#include "core/io/mapped_file_guard.h"

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "core/io/error.h"

namespace bksdm {
namespace {

// What the signal handler reads: plain words it can load without locks. `end` 0 marks a free slot.
struct Slot {
  std::atomic<uintptr_t> begin{0};
  std::atomic<uintptr_t> end{0};
  std::atomic<uint64_t> damage{0};  // the damage count when a truncation hit it, 0 if none
};
static_assert(std::atomic<uintptr_t>::is_always_lock_free && std::atomic<uint64_t>::is_always_lock_free,
              "the SIGBUS handler needs lock-free atomics");

// A model maps three files, TAESD one; beyond this many mappings at once, later ones go unguarded.
constexpr size_t kSlots = 1024;
Slot g_slots[kSlots];
std::atomic<uint64_t> g_damage_count{0};
uintptr_t g_page_mask = 0;
struct sigaction g_previous_action {};

void pass_on(int signal, siginfo_t* info, void* context) {
  if ((g_previous_action.sa_flags & SA_SIGINFO) && g_previous_action.sa_sigaction) {
    g_previous_action.sa_sigaction(signal, info, context);
    return;
  }
  if (g_previous_action.sa_handler != SIG_DFL && g_previous_action.sa_handler != SIG_IGN) {
    g_previous_action.sa_handler(signal);
    return;
  }
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  sigemptyset(&fallback.sa_mask);
  sigaction(SIGBUS, &fallback, nullptr);
  raise(SIGBUS);  // delivered, with the default action, as the handler returns
}

// Async-signal-safe: atomics, mmap, sigaction and raise only.
void on_sigbus(int signal, siginfo_t* info, void* context) {
  const auto address = reinterpret_cast<uintptr_t>(info->si_addr);
  if (info->si_code > 0) {  // raised by the kernel for a memory access, not sent by kill()
    for (Slot& slot : g_slots) {
      const uintptr_t end = slot.end.load(std::memory_order_acquire);
      const uintptr_t begin = slot.begin.load(std::memory_order_relaxed);
      if (end == 0 || address < begin || address >= end) continue;
      // From the faulting page to the end: all of it lies past the file's new end, and one fault
      // then covers every later read.
      const uintptr_t page = address & g_page_mask;
      void* zeros = mmap(reinterpret_cast<void*>(page), end - page, PROT_READ | PROT_WRITE,
                         MAP_FIXED | MAP_ANONYMOUS | MAP_PRIVATE, -1, 0);
      if (zeros == MAP_FAILED) break;
      slot.damage.store(g_damage_count.fetch_add(1) + 1);
      return;
    }
  }
  pass_on(signal, info, context);
}

void install_handler() {
  g_page_mask = ~uintptr_t(sysconf(_SC_PAGESIZE) - 1);
  struct sigaction action {};
  action.sa_sigaction = on_sigbus;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_SIGINFO;
  sigaction(SIGBUS, &action, &g_previous_action);
}

struct Registration {
  std::filesystem::path path;
  FileIdentity identity;
  Slot* slot = nullptr;  // null when every slot was taken
};

struct Truncation {
  uint64_t mapping;
  uint64_t damage;
  std::filesystem::path path;
};

// What the checks read, under the mutex: the live mappings by number, and the truncations of
// mappings since unmapped (a text encoder mapped for one run), the latest few.
struct Registry {
  std::mutex mutex;
  uint64_t next_number = 1;
  std::map<uint64_t, Registration> live;
  std::deque<Truncation> unmapped_truncations;
};
constexpr size_t kKeptTruncations = 64;

Registry& registry() {
  static Registry instance;
  return instance;
}

Slot* claim_slot(void* begin, size_t size) {
  for (Slot& slot : g_slots) {
    if (slot.end.load(std::memory_order_relaxed) != 0) continue;
    slot.begin.store(reinterpret_cast<uintptr_t>(begin), std::memory_order_relaxed);
    slot.damage.store(0);
    slot.end.store(reinterpret_cast<uintptr_t>(begin) + size, std::memory_order_release);
    return &slot;
  }
  return nullptr;
}

int64_t nanoseconds(const timespec& time) { return int64_t(time.tv_sec) * 1'000'000'000 + time.tv_nsec; }

std::optional<FileIdentity> current_identity(const std::filesystem::path& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return std::nullopt;
  return file_identity(status);
}

std::string what_changed(const FileIdentity& mapped, const std::optional<FileIdentity>& now) {
  if (!now) return "was removed";
  if (now->device != mapped.device || now->inode != mapped.inode) return "was replaced by another file";
  if (now->size != mapped.size)
    return "changed size from " + std::to_string(mapped.size) + " to " + std::to_string(now->size) + " bytes";
  return "was rewritten";
}

}  // namespace

FileIdentity file_identity(const struct stat& status) {
  return {status.st_dev, status.st_ino, status.st_size, nanoseconds(status.st_mtim), nanoseconds(status.st_ctim)};
}

MappingGuard::MappingGuard(void* begin, size_t size, const std::filesystem::path& path, const FileIdentity& identity) {
  static std::once_flag installed;
  std::call_once(installed, install_handler);
  Registry& all = registry();
  const std::lock_guard lock(all.mutex);
  number_ = all.next_number++;
  all.live[number_] = {path, identity, claim_slot(begin, size)};
}

MappingGuard::~MappingGuard() {
  Registry& all = registry();
  const std::lock_guard lock(all.mutex);
  const auto found = all.live.find(number_);
  if (Slot* slot = found->second.slot) {
    slot->end.store(0, std::memory_order_release);
    if (const uint64_t damage = slot->damage.load()) {
      all.unmapped_truncations.push_back({number_, damage, found->second.path});
      if (all.unmapped_truncations.size() > kKeptTruncations) all.unmapped_truncations.pop_front();
    }
  }
  all.live.erase(found);
}

MappedFilesWatch::MappedFilesWatch(std::vector<std::filesystem::path> files) : files_(std::move(files)) {
  Registry& all = registry();
  const std::lock_guard lock(all.mutex);
  first_mapping_ = all.next_number;
  damage_seen_ = g_damage_count.load();
}

void MappedFilesWatch::check() {
  Registry& all = registry();
  const std::lock_guard lock(all.mutex);
  const auto watched = [&](uint64_t mapping, const std::filesystem::path& path) {
    return mapping >= first_mapping_ && std::find(files_.begin(), files_.end(), path) != files_.end();
  };
  const auto truncated = [&](const std::filesystem::path& path) {
    return Error(path.string() + " was truncated while it was being read: reload the model");
  };
  const uint64_t seen = std::exchange(damage_seen_, g_damage_count.load());
  for (const Truncation& truncation : all.unmapped_truncations)
    if (truncation.damage > seen && watched(truncation.mapping, truncation.path)) throw truncated(truncation.path);
  for (const auto& [number, mapping] : all.live) {
    if (!watched(number, mapping.path)) continue;
    if (mapping.slot && mapping.slot->damage.load() > seen) throw truncated(mapping.path);
    const std::optional<FileIdentity> now = current_identity(mapping.path);
    if (now != mapping.identity)
      throw Error(mapping.path.string() + " " + what_changed(mapping.identity, now) +
                  " since the model loaded it: reload the model");
  }
}

}  // namespace bksdm
