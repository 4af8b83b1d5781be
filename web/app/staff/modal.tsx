// The staff administration's dialogs are the shared modal in its default size.
export { Modal, type ModalProps } from "../../ui/modal";
