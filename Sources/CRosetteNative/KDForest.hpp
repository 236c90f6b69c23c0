// A randomised kd-tree forest over 128-byte descriptors, searched best-bin-first with a limit on the rows
// checked (Silpa-Anan & Hartley 2008; Muja & Lowe 2009, as FLANN's KDTreeIndex). Rows stay bytes (a quarter of
// the memory of floats), leaves hold small buckets, and a search keeps its visited rows in a small hash set, so
// its cost does not grow with the number of rows the way a per-search bitset over all rows does.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <exception>
#include <limits>
#include <random>
#include <thread>
#include <vector>

namespace rsn {

class KDForest {
public:
    static constexpr int kDims = 128;

    /// Builds `trees` trees over `rows` rows of `kDims` bytes (copied). `seed` makes the forest repeatable.
    KDForest(const uint8_t *data, int rows, int trees, int leafSize = 8, uint32_t seed = 20260525)
        : rows_(rows), leafSize_(std::max(1, leafSize)), data_(data, data + (size_t)rows * kDims) {
        trees_.resize((size_t)std::max(0, trees));
        // Trees are independent: built on all cores, each from its own seed (the same forest every time).
        auto buildTree = [&](int t) {
            std::mt19937 rng(seed + (uint32_t)t * 7919u);
            Tree &tree = trees_[(size_t)t];
            tree.order.resize((size_t)rows);
            for (int i = 0; i < rows; i++) tree.order[(size_t)i] = i;
            std::shuffle(tree.order.begin(), tree.order.end(), rng);
            tree.nodes.reserve((size_t)2 * rows / leafSize_ + 2);
            if (rows > 0) build(tree, 0, rows, rng);
        };
        int workers = std::max(1, std::min(trees, (int)std::thread::hardware_concurrency()));
        std::vector<std::thread> pool;
        std::vector<std::exception_ptr> failures((size_t)workers);
        auto work = [&](int w) {
            try {
                for (int t = w; t < trees; t += workers) buildTree(t);
            } catch (...) {
                failures[(size_t)w] = std::current_exception();  // rethrown on the calling thread
            }
        };
        for (int w = 1; w < workers; w++) pool.emplace_back(work, w);
        work(0);
        for (auto &th : pool) th.join();
        for (auto &f : failures)
            if (f) std::rethrow_exception(f);
    }

    int rows() const { return rows_; }
    const uint8_t *row(int i) const { return data_.data() + (size_t)i * kDims; }

    /// Approximate memory in bytes: rows, per-tree row order and nodes.
    long memoryBytes() const {
        long total = (long)data_.size();
        for (const auto &t : trees_) total += (long)(t.order.size() * sizeof(int32_t) + t.nodes.size() * sizeof(Node));
        return total;
    }

    /// Squared distance between two descriptors in byte units.
    static inline uint32_t distance(const uint8_t *a, const uint8_t *b) {
        uint32_t sum = 0;
        for (int i = 0; i < kDims; i++) {
            int d = (int)a[i] - (int)b[i];
            sum += (uint32_t)(d * d);
        }
        return sum;
    }

    /// Reusable per-thread search state (heap, visited set, result list).
    struct Scratch {
        std::vector<std::pair<float, int32_t>> heap;   // (lower bound, node | tree << 26) as a min-heap
        std::vector<int32_t> visited;                   // open-addressing set of rows, -1 = empty
        std::vector<int32_t> touched;                   // slots to clear
        std::vector<std::pair<uint32_t, int32_t>> best; // (squared distance, row), sorted, at most k
    };

    /// The k nearest rows of `query` among at most about `checks` rows checked (at least k when there are k rows),
    /// as (squared distance, row) in ascending order, written to `scratch.best`.
    void search(const uint8_t *query, int k, int checks, Scratch &s) const {
        s.best.clear();
        s.heap.clear();
        if (rows_ == 0 || trees_.empty() || k <= 0) return;
        prepareVisited(s, checks + k + leafSize_ * (int)trees_.size() * 2);
        int checked = 0;
        for (int t = 0; t < (int)trees_.size(); t++) descend(t, 0, 0.0f, query, k, checks, checked, s);
        while (!s.heap.empty() && (checked < checks || (int)s.best.size() < k)) {
            std::pop_heap(s.heap.begin(), s.heap.end(), Greater());
            auto branch = s.heap.back();
            s.heap.pop_back();
            if ((int)s.best.size() == k && branch.first >= (float)s.best.back().first) continue;
            descend(branch.second >> 26, branch.second & ((1 << 26) - 1), branch.first, query, k, checks, checked, s);
        }
        for (int32_t slot : s.touched) s.visited[(size_t)slot] = -1;
        s.touched.clear();
    }

private:
    struct Node {
        int32_t left = -1;   // inner: child node; leaf: -1
        int32_t right = -1;  // inner: child node; leaf: start in `order`
        int32_t dim = -1;    // inner: split dimension; leaf: row count
        float value = 0;     // split value
    };
    struct Tree {
        std::vector<Node> nodes;
        std::vector<int32_t> order;
    };
    struct Greater {
        bool operator()(const std::pair<float, int32_t> &a, const std::pair<float, int32_t> &b) const { return a.first > b.first; }
    };

    int rows_;
    int leafSize_;
    std::vector<uint8_t> data_;
    std::vector<Tree> trees_;

    int build(Tree &tree, int begin, int end, std::mt19937 &rng) {
        int index = (int)tree.nodes.size();
        tree.nodes.emplace_back();
        int count = end - begin;
        if (count <= leafSize_) {
            tree.nodes[(size_t)index].right = begin;
            tree.nodes[(size_t)index].dim = count;
            return index;
        }
        // Mean and variance per dimension over a sample of the rows; split on one of the 5 most variable.
        int sample = std::min(count, 100);
        double mean[kDims] = {0}, var[kDims] = {0};
        for (int i = 0; i < sample; i++) {
            const uint8_t *r = row(tree.order[(size_t)(begin + i)]);
            for (int d = 0; d < kDims; d++) mean[d] += r[d];
        }
        for (int d = 0; d < kDims; d++) mean[d] /= sample;
        for (int i = 0; i < sample; i++) {
            const uint8_t *r = row(tree.order[(size_t)(begin + i)]);
            for (int d = 0; d < kDims; d++) var[d] += (r[d] - mean[d]) * (r[d] - mean[d]);
        }
        int top[5];
        int nTop = 0;
        for (int d = 0; d < kDims; d++) {
            int pos = nTop < 5 ? nTop++ : 5;
            if (pos == 5 && var[d] <= var[top[4]]) continue;
            if (pos == 5) pos = 4;
            while (pos > 0 && var[top[pos - 1]] < var[d]) { top[pos] = top[pos - 1]; pos--; }
            top[pos] = d;
        }
        int dim = top[std::uniform_int_distribution<int>(0, std::max(0, nTop - 1))(rng)];
        float value = (float)mean[dim];
        auto first = tree.order.begin() + begin, last = tree.order.begin() + end;
        auto middle = std::partition(first, last, [&](int32_t r) { return (float)row(r)[dim] < value; });
        int split = (int)(middle - tree.order.begin());
        if (split == begin || split == end) {  // all on one side (equal values): halve by position
            split = begin + count / 2;
            std::nth_element(first, tree.order.begin() + split, last,
                             [&](int32_t a, int32_t b) { return row(a)[dim] < row(b)[dim]; });
            value = (float)row(tree.order[(size_t)split])[dim];
            // Rows equal to the split value may sit on both sides; the search bound stays a lower bound
            // because a row on the "wrong" side differs from `value` by 0 in this dimension.
        }
        int left = build(tree, begin, split, rng);
        int right = build(tree, split, end, rng);
        Node &node = tree.nodes[(size_t)index];
        node.left = left;
        node.right = right;
        node.dim = dim;
        node.value = value;
        return index;
    }

    void prepareVisited(Scratch &s, int expected) const {
        size_t want = 64;
        while (want < (size_t)expected * 2) want <<= 1;
        if (s.visited.size() < want) s.visited.assign(want, -1);
    }

    /// True when `r` was not visited yet (and marks it).
    static bool visit(Scratch &s, int32_t r) {
        size_t mask = s.visited.size() - 1;
        size_t slot = ((uint32_t)r * 2654435761u) & mask;
        while (true) {
            int32_t v = s.visited[slot];
            if (v == r) return false;
            if (v < 0) {
                if (s.touched.size() * 2 >= s.visited.size()) return true;  // full enough: treat as new
                s.visited[slot] = r;
                s.touched.push_back((int32_t)slot);
                return true;
            }
            slot = (slot + 1) & mask;
        }
    }

    void descend(int t, int node, float bound, const uint8_t *query, int k, int checks, int &checked, Scratch &s) const {
        const Tree &tree = trees_[(size_t)t];
        while (true) {
            const Node &n = tree.nodes[(size_t)node];
            if (n.left < 0) {
                for (int i = 0; i < n.dim; i++) {
                    int32_t r = tree.order[(size_t)(n.right + i)];
                    if (!visit(s, r)) continue;
                    checked++;
                    uint32_t d = distance(row(r), query);
                    if ((int)s.best.size() < k || d < s.best.back().first) {
                        auto at = std::upper_bound(s.best.begin(), s.best.end(), std::make_pair(d, r));
                        s.best.insert(at, std::make_pair(d, r));
                        if ((int)s.best.size() > k) s.best.pop_back();
                    }
                }
                return;
            }
            float diff = (float)query[n.dim] - n.value;
            int near = diff < 0 ? n.left : n.right, far = diff < 0 ? n.right : n.left;
            float farBound = bound + diff * diff;
            if ((int)s.best.size() < k || farBound < (float)s.best.back().first) {
                s.heap.emplace_back(farBound, (int32_t)(far | (t << 26)));
                std::push_heap(s.heap.begin(), s.heap.end(), Greater());
            }
            node = near;
        }
    }
};

} // namespace rsn
