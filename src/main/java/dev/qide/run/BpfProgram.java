package dev.qide.run;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A classic BPF program as the kernel's seccomp takes it, written instruction by instruction with forward jumps to
 * named labels. {@link #assemble()} gives the kernel's {@code struct sock_filter} array: per instruction a u16 code,
 * u8 jump-if-true and u8 jump-if-false offsets and a u32 operand, in the machine's (little-endian) byte order.
 */
final class BpfProgram {

    static final int LOAD_WORD = 0x20; // BPF_LD | BPF_W | BPF_ABS
    static final int AND = 0x54; // BPF_ALU | BPF_AND | BPF_K
    static final int JUMP_IF_EQUAL = 0x15; // BPF_JMP | BPF_JEQ | BPF_K
    static final int JUMP_IF_AT_LEAST = 0x35; // BPF_JMP | BPF_JGE | BPF_K
    static final int JUMP_IF_ANY_SET = 0x45; // BPF_JMP | BPF_JSET | BPF_K
    static final int RETURN = 0x06; // BPF_RET | BPF_K

    /** Conditional jumps go at most this many instructions ahead (their offsets are one byte). */
    private static final int LONGEST_JUMP = 255;

    private record Instruction(int code, String ifTrue, String ifFalse, int operand) {}

    private final List<Instruction> instructions = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();

    /** Loads the 32-bit word at {@code offset} of the input (for seccomp: {@code struct seccomp_data}). */
    BpfProgram load(int offset) {
        return add(LOAD_WORD, null, null, offset);
    }

    /** Keeps only the bits of {@code mask} of the loaded word. */
    BpfProgram and(int mask) {
        return add(AND, null, null, mask);
    }

    /** Jumps to {@code label} when the loaded word equals {@code value}, else goes on. */
    BpfProgram jumpIfEqual(int value, String label) {
        return add(JUMP_IF_EQUAL, label, null, value);
    }

    /** Goes on when the loaded word equals {@code value}, else jumps to {@code label}. */
    BpfProgram jumpUnlessEqual(int value, String label) {
        return add(JUMP_IF_EQUAL, null, label, value);
    }

    /** Jumps to {@code label} when the loaded word, unsigned, is at least {@code value}. */
    BpfProgram jumpIfAtLeast(int value, String label) {
        return add(JUMP_IF_AT_LEAST, label, null, value);
    }

    /** Jumps to {@code label} when the loaded word has any bit of {@code mask} set. */
    BpfProgram jumpIfAnySet(int mask, String label) {
        return add(JUMP_IF_ANY_SET, label, null, mask);
    }

    /** Ends the program with {@code action} (for seccomp: a SECCOMP_RET_* value). */
    BpfProgram answer(int action) {
        return add(RETURN, null, null, action);
    }

    /** Names the next instruction, for jumps written before it. */
    BpfProgram label(String name) {
        if (labels.putIfAbsent(name, instructions.size()) != null) {
            throw new IllegalStateException("Label used twice: " + name);
        }
        return this;
    }

    byte[] assemble() {
        ByteBuffer program = ByteBuffer.allocate(instructions.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int index = 0; index < instructions.size(); index++) {
            Instruction instruction = instructions.get(index);
            program.putShort((short) instruction.code())
                    .put(offset(index, instruction.ifTrue()))
                    .put(offset(index, instruction.ifFalse()))
                    .putInt(instruction.operand());
        }
        return program.array();
    }

    private byte offset(int from, String label) {
        if (label == null) {
            return 0;
        }
        Integer target = labels.get(label);
        if (target == null) {
            throw new IllegalStateException("No such label: " + label);
        }
        int distance = target - from - 1;
        if (distance < 0 || distance > LONGEST_JUMP) {
            throw new IllegalStateException("Cannot jump " + distance + " instructions to " + label);
        }
        return (byte) distance;
    }

    private BpfProgram add(int code, String ifTrue, String ifFalse, int operand) {
        instructions.add(new Instruction(code, ifTrue, ifFalse, operand));
        return this;
    }
}
