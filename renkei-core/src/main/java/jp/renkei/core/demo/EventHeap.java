package jp.renkei.core.demo;

import java.util.Arrays;

/** A binary min-heap of long keys with an int payload each: no object per pending event. */
final class EventHeap {

    private long[] keys = new long[1_024];
    private int[] payloads = new int[1_024];
    private int size;

    void push(long key, int payload) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            payloads = Arrays.copyOf(payloads, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            keys[i] = keys[parent];
            payloads[i] = payloads[parent];
            i = parent;
        }
        keys[i] = key;
        payloads[i] = payload;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long peekKey() {
        return keys[0];
    }

    int peekPayload() {
        return payloads[0];
    }

    void pop() {
        long key = keys[--size];
        int payload = payloads[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (keys[child] >= key) {
                break;
            }
            keys[i] = keys[child];
            payloads[i] = payloads[child];
            i = child;
        }
        keys[i] = key;
        payloads[i] = payload;
    }
}
